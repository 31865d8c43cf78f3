import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { Capaian, CapaianRules, TargetValue } from '../../../shared/capaian/index.js';
import { formatIndonesianNumber } from '../../../shared/indonesian-number.js';
import { CapaianFigure, ReportStatusBadge } from './badges.js';
import {
  type FieldErrors,
  type IndicatorDraft,
  type NarrativeField,
  narrativeFields,
  narrativeKey,
  readValue,
  valueKey,
  valueText,
} from './draft.js';
import { EvidencePanel } from './evidence.js';
import { quarterLabel, monitoringStrings as t } from './strings.js';
import type { ReportEvidence, ReportIndicator } from './types.js';

export function targetText(target: TargetValue | null, satuan?: string): string {
  if (target === null) return '–';
  const unit = satuan ? ` ${satuan}` : '';
  switch (target.kind) {
    case 'number':
      return `${formatIndonesianNumber(target.value)}${unit}`;
    case 'range':
      return `${formatIndonesianNumber(target.low)}–${formatIndonesianNumber(target.high)}${unit}`;
    case 'scale':
      return target.code;
  }
}

const narrativeLabels: Record<NarrativeField, { label: string; hint: string }> = {
  analysis: { label: t.analysis, hint: t.analysisHint },
  obstacles: { label: t.obstacles, hint: t.obstaclesHint },
  followUp: { label: t.followUp, hint: t.followUpHint },
};

export const fieldId = (key: string) => `field-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;

export interface IndicatorCardProps {
  indicator: ReportIndicator;
  quarter: 1 | 2 | 3 | 4;
  draft: IndicatorDraft;
  /** Capaian to show: the stored one, or the engine's preview of what is typed. */
  capaian: { quarter: Capaian; toDate: Capaian; annual: Capaian };
  isPreview: boolean;
  explanationRequired: boolean;
  /** Why the explanation is required (band or missing value). */
  explanationReason: 'band' | 'empty' | null;
  errors: FieldErrors;
  editable: boolean;
  rules: CapaianRules;
  evidence: ReportEvidence[];
  reportId: string;
  maxMb: number;
  onChange: (id: string, next: IndicatorDraft) => void;
  onError: (key: string, message: string | undefined) => void;
  onEvidenceChanged: () => Promise<unknown>;
}

/** One PK indicator of the quarter: targets, earlier quarters, the value, capaian, narrative, evidence. */
export const IndicatorCard = memo(function IndicatorCard({
  indicator,
  quarter,
  draft,
  capaian,
  isPreview,
  explanationRequired,
  explanationReason,
  errors,
  editable,
  rules,
  evidence,
  reportId,
  maxMb,
  onChange,
  onError,
  onEvidenceChanged,
}: IndicatorCardProps) {
  const hasNarrative = narrativeFields.some((f) => draft[f].trim() !== '');
  const narrativeErrors = narrativeFields.some((f) => errors[narrativeKey(indicator.id, f)]);
  const [openNarrative, setOpenNarrative] = useState(false);
  const showNarrative =
    hasNarrative || narrativeErrors || (editable && (explanationRequired || openNarrative));
  const q = quarterLabel(quarter);
  const headingId = `indicator-${indicator.id}`;
  const earlier = indicator.history.filter((h) => h.quarter < quarter);
  const valueError = errors[valueKey(indicator.id)];

  const set = (patch: Partial<IndicatorDraft>) => onChange(indicator.id, { ...draft, ...patch });

  const checkValue = () => {
    const read = readValue(draft.value, indicator);
    if (!read.ok) {
      onError(valueKey(indicator.id), read.message);
      return;
    }
    onError(valueKey(indicator.id), undefined);
    const shown = valueText(read.value);
    if (shown !== draft.value) set({ value: shown });
  };

  const valueLabel = t.realisasiFor(q, indicator.name);
  const input = !editable ? (
    <div>
      <Text size="sm" fw={500}>
        {t.realisasi(q)}
      </Text>
      <Text fz={22} fw={700} aria-label={`${valueLabel}: ${draft.value || t.emptyValue}`}>
        {draft.value || '–'}
        {draft.value && indicator.satuan && indicator.method !== 'scale' ? (
          <Text span size="sm" fw={400} c="dimmed">
            {' '}
            {indicator.satuan}
          </Text>
        ) : null}
      </Text>
      {!draft.value && (
        <Text size="xs" c="dimmed">
          {t.emptyValue}
        </Text>
      )}
    </div>
  ) : indicator.method === 'scale' ? (
    <Select
      id={fieldId(valueKey(indicator.id))}
      label={t.realisasi(q)}
      aria-label={valueLabel}
      placeholder={t.scalePlaceholder}
      data={(indicator.scale ?? []).map((l) => l.code)}
      value={draft.value || null}
      onChange={(code) => {
        onError(valueKey(indicator.id), undefined);
        set({ value: code ?? '' });
      }}
      error={valueError}
      readOnly={!editable}
      clearable={editable}
      comboboxProps={{ withinPortal: true }}
    />
  ) : (
    <TextInput
      id={fieldId(valueKey(indicator.id))}
      label={t.realisasi(q)}
      aria-label={valueLabel}
      description={indicator.satuan ? `${t.satuan}: ${indicator.satuan}` : undefined}
      inputMode="decimal"
      autoComplete="off"
      placeholder={editable ? t.emptyValue : undefined}
      value={draft.value}
      onChange={(e) => {
        if (valueError) onError(valueKey(indicator.id), undefined);
        set({ value: e.currentTarget.value });
      }}
      onBlur={checkValue}
      error={valueError}
      readOnly={!editable}
      styles={{ input: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
    />
  );

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="article"
      aria-labelledby={headingId}
      data-testid={`indicator-${indicator.id}`}
      style={
        explanationRequired && editable
          ? { borderLeft: '4px solid var(--mantine-color-orange-6)' }
          : undefined
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} fz="md" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {indicator.name}
          </Title>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {indicator.isIku && (
              <Badge variant="filled" color="amanah" size="sm">
                {t.iku}
              </Badge>
            )}
            {explanationRequired && (
              <Badge
                variant="light"
                size="sm"
                bg="orange.0"
                c="#a33a08"
                tt="none"
                leftSection={<IconAlertCircle size={12} aria-hidden />}
              >
                {t.explanationRequired}
              </Badge>
            )}
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Stack gap={6}>
            <Group gap="lg">
              <div>
                <Text size="xs" c="dimmed">
                  {t.annualTarget}
                </Text>
                <Text size="sm" fw={600}>
                  {targetText(indicator.annualTarget, indicator.satuan)}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t.quarterTarget(q)}
                </Text>
                <Text size="sm" fw={600}>
                  {targetText(indicator.quarterTarget, indicator.satuan)}
                </Text>
              </div>
            </Group>
            {earlier.length > 0 && (
              <div>
                <Text size="xs" c="dimmed">
                  {t.previousQuarters}
                </Text>
                <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="sm">
                  <Table.Tbody>
                    {earlier.map((h) => (
                      <Table.Tr key={h.quarter}>
                        <Table.Td w={56} c="dimmed">
                          {quarterLabel(h.quarter)}
                        </Table.Td>
                        <Table.Td fw={500}>{h.value ? valueText(h.value) : '–'}</Table.Td>
                        <Table.Td>{h.status && <ReportStatusBadge status={h.status} />}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Stack>

          <div>{input}</div>

          <Stack gap={4} aria-live="polite">
            <Text size="xs" c="dimmed">
              {t.capaianToDate}
              {isPreview ? ` (${t.preview})` : ''}
            </Text>
            <CapaianFigure capaian={capaian.toDate} rules={rules} size="lg" />
            <Group gap="md" mt={4}>
              <div>
                <Text size="xs" c="dimmed">
                  {t.capaianQuarter}
                </Text>
                <CapaianFigure capaian={capaian.quarter} rules={rules} size="sm" />
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t.capaianAnnual}
                </Text>
                <CapaianFigure capaian={capaian.annual} rules={rules} size="sm" />
              </div>
            </Group>
          </Stack>
        </SimpleGrid>

        {showNarrative ? (
          <Stack gap={6}>
            {explanationRequired && editable && (
              <Text size="sm" c="#a33a08" fw={500}>
                {explanationReason === 'empty' ? t.explanationWhyEmpty : t.explanationWhyBand}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              {narrativeFields.map((field) => {
                const key = narrativeKey(indicator.id, field);
                if (!editable) {
                  return (
                    <div key={field}>
                      <Text size="sm" fw={500}>
                        {narrativeLabels[field].label}
                      </Text>
                      <Text
                        size="sm"
                        c={draft[field] ? undefined : 'dimmed'}
                        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                      >
                        {draft[field] || '–'}
                      </Text>
                    </div>
                  );
                }
                return (
                  <Textarea
                    key={field}
                    id={fieldId(key)}
                    label={narrativeLabels[field].label}
                    aria-label={`${narrativeLabels[field].label}: ${indicator.name}`}
                    placeholder={editable ? narrativeLabels[field].hint : undefined}
                    required={explanationRequired && editable}
                    autosize
                    minRows={2}
                    maxRows={8}
                    maxLength={5000}
                    value={draft[field]}
                    readOnly={!editable}
                    error={errors[key]}
                    onChange={(e) => {
                      if (errors[key]) onError(key, undefined);
                      set({ [field]: e.currentTarget.value });
                    }}
                  />
                );
              })}
            </SimpleGrid>
          </Stack>
        ) : null}
        {editable && !explanationRequired && !hasNarrative && !narrativeErrors && (
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            leftSection={
              openNarrative ? (
                <IconChevronUp size={14} aria-hidden />
              ) : (
                <IconChevronDown size={14} aria-hidden />
              )
            }
            aria-expanded={openNarrative}
            onClick={() => setOpenNarrative((v) => !v)}
          >
            {openNarrative ? t.hideNarrative : t.showNarrative}
          </Button>
        )}

        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t.evidence}
          </Text>
          <EvidencePanel
            reportId={reportId}
            indicatorId={indicator.id}
            label={indicator.name}
            files={evidence}
            editable={editable}
            maxMb={maxMb}
            onChanged={onEvidenceChanged}
          />
        </Stack>
      </Stack>
    </Paper>
  );
});
