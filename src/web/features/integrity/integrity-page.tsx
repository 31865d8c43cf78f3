import { Button, Group, Paper, Select, Stack } from '@mantine/core';
import { IconFilePlus, IconListNumbers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../components/page.js';
import { todayIn } from '../../lib/format.js';
import { useCan, useTimeZone } from '../../session.js';
import { BulkCreateDialog } from './bulk-dialog.js';
import { PactsList } from './pacts-list.js';
import { statusQuery } from './queries.js';
import { StatusTable, type UnitRef } from './status-table.js';
import { integrityStrings as t } from './strings.js';

/** The fiscal years offered: next year (pacts signed ahead in December) back to four years ago. */
export function yearOptions(current: number): number[] {
  return Array.from({ length: 6 }, (_, i) => current + 1 - i);
}

/**
 * /pakta-integritas: the year's status per unit (drilling down the unit tree), "Buat Pakta
 * Integritas" for a unit subtree or the whole Pemda, and the list of pacts of the unit shown.
 */
export function IntegrityPage() {
  const timeZone = useTimeZone();
  const currentYear = Number(todayIn(timeZone).slice(0, 4));
  const [fiscalYear, setFiscalYear] = useState(currentYear);
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [creating, setCreating] = useState<{ unit: UnitRef | null } | null>(null);
  // Whether the whole Pemda may be done at once (a tenant-wide grant): the top-level status says.
  const top = useQuery(statusQuery(fiscalYear, null));
  const canWhole = top.data?.permissions.bulkCreate ?? false;
  // A unit-scoped operator picks their unit in the dialog (the server keeps them to it).
  const canCreate = useCan('writeIntegrity');

  return (
    <Stack gap={0}>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to="/pakta-integritas/klausul"
              leftSection={<IconListNumbers size={16} aria-hidden />}
            >
              {t.clausesButton}
            </Button>
            {canCreate && (
              <Button
                leftSection={<IconFilePlus size={16} aria-hidden />}
                onClick={() => setCreating({ unit })}
              >
                {t.createButton}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="sm" mb="md">
        <Group gap="sm" align="flex-end">
          <Select
            label={t.year}
            data={yearOptions(currentYear).map((y) => ({ value: String(y), label: String(y) }))}
            value={String(fiscalYear)}
            onChange={(value) => value && setFiscalYear(Number(value))}
            allowDeselect={false}
            w={{ base: '100%', xs: 180 }}
          />
        </Group>
      </Paper>
      <StatusTable
        fiscalYear={fiscalYear}
        unit={unit}
        onOpen={setUnit}
        onCreate={(target) => setCreating({ unit: target })}
      />
      <PactsList fiscalYear={fiscalYear} unit={unit} />
      {creating && (
        <BulkCreateDialog
          opened
          onClose={() => setCreating(null)}
          fiscalYear={fiscalYear}
          initialUnit={creating.unit}
          canWhole={canWhole}
        />
      )}
    </Stack>
  );
}
