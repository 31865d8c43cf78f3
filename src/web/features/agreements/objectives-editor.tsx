import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import {
  type Aggregation,
  aggregations,
  type CalcMethod,
  calcMethods,
} from '../../../shared/codes.js';
import { AnchorLink } from '../../components/links.js';
import type { FieldErrors, IndicatorDraft, ObjectiveDraft } from './draft.js';
import { newIndicator, targetPath } from './draft.js';
import { FindingList } from './findings.js';
import {
  aggregationHints,
  aggregationLabels,
  methodLabels,
  methodShort,
  quarterLabels,
  agreementStrings as t,
} from './strings.js';
import { TargetInput } from './target-input.js';
import type { QualityFinding, Scale } from './types.js';

export interface EditorContext {
  editable: boolean;
  yearList: number[];
  scales: Scale[];
  errors: FieldErrors;
  findingsFor: (key: string | undefined) => QualityFinding[];
  setError: (path: string, message: string | undefined) => void;
  candidates: { id: string; title: string }[];
}

const negative = new Set<CalcMethod>(['inverse_difference', 'inverse_ratio']);

/** One sasaran: its title, the higher sasaran it supports, and its indicators table. */
export function ObjectiveCard({
  objective,
  index,
  ctx,
  supports,
  onChange,
  onRemove,
}: {
  objective: ObjectiveDraft;
  index: number;
  ctx: EditorContext;
  supports: { title: string; agreementId: string } | null;
  onChange: (next: ObjectiveDraft) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  const titlePath = `objectives.${index}.title`;
  const own = ctx.findingsFor(objective.id);
  const setIndicator = (i: number, next: IndicatorDraft) =>
    onChange({
      ...objective,
      indicators: objective.indicators.map((ind, j) => (j === i ? next : ind)),
    });
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t.objectiveNumber(number)}
      data-testid="objective-card"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} size="sm" c="amanah.8">
            {t.objectiveNumber(number)}
          </Text>
          {ctx.editable && (
            <Tooltip label={t.removeObjective}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t.removeObjective} ${number}`}
                onClick={onRemove}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {ctx.editable ? (
          <Textarea
            label={t.objectiveTitle}
            aria-label={`${t.objectiveTitle} ${number}`}
            autosize
            minRows={1}
            value={objective.title}
            error={ctx.errors[titlePath]}
            onChange={(e) => {
              ctx.setError(titlePath, undefined);
              onChange({ ...objective, title: e.currentTarget.value });
            }}
          />
        ) : (
          <Text fw={600}>{objective.title}</Text>
        )}

        {ctx.editable && ctx.candidates.length > 0 ? (
          <Select
            label={t.supports}
            placeholder={t.supportsPlaceholder}
            data={ctx.candidates.map((c) => ({ value: c.id, label: c.title }))}
            value={objective.supportsObjectiveId}
            onChange={(value) => onChange({ ...objective, supportsObjectiveId: value })}
            clearable
            searchable
            error={ctx.errors[`objectives.${index}.supportsObjectiveId`]}
          />
        ) : (
          <Text size="sm">
            <Text span c="dimmed">
              {t.supports}:{' '}
            </Text>
            {supports ? (
              <AnchorLink
                to="/pk/dokumen/$agreementId"
                params={{ agreementId: supports.agreementId }}
                size="sm"
              >
                {supports.title}
              </AnchorLink>
            ) : ctx.editable ? (
              t.supportsNone
            ) : (
              '–'
            )}
          </Text>
        )}

        {own.length > 0 && <FindingList findings={own} compact />}

        {objective.indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.noIndicators}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={ctx.editable ? 960 : 820}>
            <Table
              verticalSpacing="xs"
              withTableBorder
              withColumnBorders
              fz="sm"
              layout={ctx.editable ? 'fixed' : 'auto'}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>No</Table.Th>
                  <Table.Th>{t.colIndicator}</Table.Th>
                  <Table.Th w={120}>{t.colSatuan}</Table.Th>
                  <Table.Th w={164}>{t.colMethod}</Table.Th>
                  <Table.Th w={ctx.editable ? 100 : undefined}>{t.colAnnual}</Table.Th>
                  {quarterLabels.map((q) => (
                    <Table.Th key={q} w={ctx.editable ? 84 : undefined}>
                      {q}
                    </Table.Th>
                  ))}
                  {ctx.editable && (
                    <Table.Th w={44}>
                      <VisuallyHidden>{t.removeIndicator}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {objective.indicators.map((ind, i) => (
                  <IndicatorRows
                    key={ind.key}
                    indicator={ind}
                    path={`objectives.${index}.indicators.${i}`}
                    objectiveIndex={index}
                    index={i}
                    label={`${number}.${i + 1}`}
                    ctx={ctx}
                    onChange={(next) => setIndicator(i, next)}
                    onRemove={() =>
                      onChange({
                        ...objective,
                        indicators: objective.indicators.filter((_, j) => j !== i),
                      })
                    }
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {ctx.editable && (
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                onChange({
                  ...objective,
                  indicators: [...objective.indicators, newIndicator(ctx.yearList)],
                })
              }
            >
              {t.addIndicator}
              <VisuallyHidden> {t.objectiveNumber(number)}</VisuallyHidden>
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function IndicatorRows({
  indicator: ind,
  path,
  objectiveIndex,
  index,
  label,
  ctx,
  onChange,
  onRemove,
}: {
  indicator: IndicatorDraft;
  path: string;
  objectiveIndex: number;
  index: number;
  label: string;
  ctx: EditorContext;
  onChange: (next: IndicatorDraft) => void;
  onRemove: () => void;
}) {
  const name = ind.name.trim() || `${t.newIndicator} ${label}`;
  const findings = ctx.findingsFor(ind.id);
  const scale = ctx.scales.find((s) => s.id === ind.scaleId);
  const columns = ctx.editable ? 10 : 9;
  const multiYear = ctx.yearList.length > 1;
  const setText = (field: 'name' | 'satuan', value: string) => {
    ctx.setError(`${path}.${field}`, undefined);
    onChange({ ...ind, [field]: value });
  };
  const setTarget = (
    year: number,
    part: 'annual' | number,
    value: IndicatorDraft['targets'][number]['annual'],
  ) =>
    onChange({
      ...ind,
      targets: ind.targets.map((ty) => {
        if (ty.year !== year) return ty;
        if (part === 'annual') return { ...ty, annual: value };
        const quarters = [...ty.quarters] as typeof ty.quarters;
        quarters[part] = value;
        return { ...ty, quarters };
      }),
    });
  const targetCell = (part: 'annual' | number, partLabel: string) => (
    <Table.Td>
      <Stack gap={4}>
        {ind.targets.map((ty) => {
          const key = targetPath(objectiveIndex, index, ty.year, part);
          const value = part === 'annual' ? ty.annual : ty.quarters[part];
          if (!value) return null;
          const fieldLabel = `${partLabel}${multiYear ? ` ${ty.year}` : ''} – ${name}`;
          return (
            <Stack gap={0} key={ty.year}>
              {multiYear && (
                <Text size="xs" c="dimmed">
                  {ty.year}
                </Text>
              )}
              {ctx.editable ? (
                <TargetInput
                  value={value}
                  method={ind.method}
                  scale={scale}
                  label={fieldLabel}
                  error={ctx.errors[key]}
                  readOnly={false}
                  onChange={(next) => {
                    ctx.setError(key, undefined);
                    setTarget(ty.year, part, next);
                  }}
                  onError={(message) => ctx.setError(key, message)}
                />
              ) : (
                <Text size="sm">
                  {ind.method === 'range' && value.a ? `${value.a} – ${value.b}` : value.a || '–'}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Table.Td>
  );

  return (
    <>
      <Table.Tr data-testid="indicator-row">
        <Table.Td>{label}</Table.Td>
        <Table.Td>
          {ctx.editable ? (
            <Stack gap={4}>
              <Textarea
                aria-label={`${t.indicatorName} ${label}`}
                autosize
                minRows={1}
                size="xs"
                value={ind.name}
                error={ctx.errors[`${path}.name`]}
                onChange={(e) => setText('name', e.currentTarget.value)}
              />
              <Checkbox
                size="xs"
                label={`${t.iku} (${t.ikuLong})`}
                checked={ind.isIku}
                onChange={(e) => onChange({ ...ind, isIku: e.currentTarget.checked })}
              />
            </Stack>
          ) : (
            <Group gap={6}>
              <Text size="sm">{ind.name}</Text>
              {ind.isIku && (
                <Badge size="xs" variant="light" c="amanah.8">
                  {t.iku}
                </Badge>
              )}
            </Group>
          )}
        </Table.Td>
        <Table.Td>
          {ctx.editable ? (
            <TextInput
              aria-label={`${t.satuan} – ${name}`}
              placeholder={t.satuanPlaceholder}
              size="xs"
              value={ind.satuan}
              error={ctx.errors[`${path}.satuan`]}
              onChange={(e) => setText('satuan', e.currentTarget.value)}
            />
          ) : (
            <Text size="sm">{ind.satuan || '–'}</Text>
          )}
        </Table.Td>
        <Table.Td>
          {ctx.editable ? (
            <Stack gap={4}>
              <Select
                aria-label={`${t.method} – ${name}`}
                size="xs"
                data={calcMethods.map((m) => ({ value: m, label: methodShort[m] }))}
                renderOption={({ option }) => (
                  <Text size="sm">{methodLabels[option.value as CalcMethod]}</Text>
                )}
                value={ind.method}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true, width: 320 }}
                onChange={(value) => {
                  if (!value) return;
                  const method = value as CalcMethod;
                  onChange({
                    ...ind,
                    method,
                    polarity: negative.has(method) ? 'negative' : 'positive',
                  });
                }}
              />
              {ind.method === 'scale' && (
                <Select
                  aria-label={`Skala – ${name}`}
                  placeholder="Pilih skala"
                  size="xs"
                  data={ctx.scales.map((s) => ({ value: s.id, label: s.name }))}
                  value={ind.scaleId}
                  error={ctx.errors[`${path}.scaleId`]}
                  onChange={(value) => onChange({ ...ind, scaleId: value })}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </Stack>
          ) : (
            <Stack gap={0}>
              <Text size="sm">{methodShort[ind.method]}</Text>
              <Text size="xs" c="dimmed">
                {t.aggregation}: {aggregationLabels[ind.aggregation]}
              </Text>
            </Stack>
          )}
        </Table.Td>
        {targetCell('annual', t.colAnnual)}
        {quarterLabels.map((q, qi) => (
          <Fragment key={q}>{targetCell(qi, q)}</Fragment>
        ))}
        {ctx.editable && (
          <Table.Td>
            <Tooltip label={t.removeIndicator}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t.removeIndicator} ${label}`}
                onClick={onRemove}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Table.Td>
        )}
      </Table.Tr>
      <Table.Tr>
        <Table.Td colSpan={columns} bg={findings.length > 0 ? 'yellow.0' : undefined}>
          <Stack gap={4}>
            {ctx.editable ? (
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                  {t.aggregation}:
                </Text>
                <Select
                  aria-label={`${t.aggregation} – ${name}`}
                  size="xs"
                  w={150}
                  data={aggregations.map((a) => ({ value: a, label: aggregationLabels[a] }))}
                  value={ind.aggregation}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(value) =>
                    value && onChange({ ...ind, aggregation: value as Aggregation })
                  }
                />
                <Text size="xs" c="gray.7">
                  {aggregationHints[ind.aggregation]}
                </Text>
              </Group>
            ) : (
              <Text size="xs" c="gray.7">
                {aggregationHints[ind.aggregation]}
              </Text>
            )}
            {findings.length > 0 && <FindingList findings={findings} compact />}
          </Stack>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
