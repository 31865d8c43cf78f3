import {
  Alert,
  Checkbox,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Aggregation, CalcMethod, Polarity } from '../../../shared/codes.js';
import { ApiError, api } from '../../api/client.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { QualityFindings } from '../../components/quality-findings.js';
import { notifySuccess } from '../../lib/forms.js';
import { planningKeys } from './queries.js';
import { aggregationLabels, methodLabels, planningStrings as t } from './strings.js';
import { formPath, numberField, readNumber } from './target-text.js';
import type { Indicator, PlanNode, RatingScale, TargetValue } from './types.js';

/** One target as the form holds it: text for a number, two texts for a range, or a code. */
interface TargetFields {
  value: string;
  low: string;
  high: string;
  code: string;
}
interface Values {
  name: string;
  satuan: string;
  method: CalcMethod;
  aggregation: Aggregation;
  scaleId: string;
  isIku: boolean;
  definition: string;
  formulaText: string;
  dataSource: string;
  baselineYear: string;
  baseline: TargetFields;
  endTarget: TargetFields;
  targets: Record<string, TargetFields>;
}

const emptyFields = (): TargetFields => ({ value: '', low: '', high: '', code: '' });
const fieldsOf = (target: TargetValue | null | undefined): TargetFields => {
  if (!target) return emptyFields();
  if (target.kind === 'number') return { ...emptyFields(), value: numberField(target.value) };
  if (target.kind === 'range')
    return { ...emptyFields(), low: numberField(target.low), high: numberField(target.high) };
  return { ...emptyFields(), code: target.code };
};
const polarityOf = (method: CalcMethod): Polarity =>
  method === 'inverse_difference' || method === 'inverse_ratio' ? 'negative' : 'positive';

/**
 * Reads one target's fields: null when left empty, the target, or errors by form path. `path` is
 * the form field ("targets.2027"), which is also the name the API uses for that target.
 */
function readTarget(
  fields: TargetFields,
  method: CalcMethod,
  path: string,
  errors: Record<string, string>,
): TargetValue | null {
  if (method === 'scale') {
    return fields.code ? { kind: 'scale', code: fields.code } : null;
  }
  if (method === 'range') {
    if (!fields.low.trim() && !fields.high.trim()) return null;
    const low = readNumber(fields.low);
    const high = readNumber(fields.high);
    if ('error' in low) errors[`${path}.low`] = low.error;
    if ('error' in high) errors[`${path}.high`] = high.error;
    return 'value' in low && 'value' in high
      ? { kind: 'range', low: low.value, high: high.value }
      : null;
  }
  if (!fields.value.trim()) return null;
  const value = readNumber(fields.value);
  if ('error' in value) {
    errors[`${path}.value`] = value.error;
    return null;
  }
  return { kind: 'number', value: value.value };
}

/** Add an indicator to `node`, or edit `indicator`; shows the saved indicator's findings. */
export function IndicatorFormModal({
  node,
  indicator,
  years,
  scales,
  onClose,
}: {
  node: PlanNode;
  indicator: Indicator | null;
  years: number[];
  scales: RatingScale[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Indicator | null>(null);
  const findingsRef = useRef<HTMLDivElement>(null);
  // Bring the findings of a save into view: they appear below the fields just edited.
  useEffect(() => {
    if (saved) findingsRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [saved]);
  const form = useForm<Values>({
    initialValues: {
      name: indicator?.name ?? '',
      satuan: indicator?.satuan ?? '',
      method: indicator?.method ?? 'ratio',
      aggregation: indicator?.aggregation ?? 'last',
      scaleId: indicator?.scaleId ?? '',
      isIku: indicator?.isIku ?? false,
      definition: indicator?.definition ?? '',
      formulaText: indicator?.formulaText ?? '',
      dataSource: indicator?.dataSource ?? '',
      baselineYear: String(indicator?.baseline.year ?? (years[0] ?? 2025) - 1),
      baseline: fieldsOf(indicator?.baseline.value),
      endTarget: fieldsOf(indicator?.endTarget),
      targets: Object.fromEntries(
        years.map((year) => [
          String(year),
          fieldsOf(indicator?.targets.find((x) => x.year === year)?.target),
        ]),
      ),
    },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : 'Nama indikator minimal 3 huruf'),
      scaleId: (v, values) =>
        values.method === 'scale' && !v ? 'Pilih skala untuk metode skala kualitatif' : null,
    },
  });
  const method = form.values.method;
  const scale = scales.find((s) => s.id === form.values.scaleId) ?? null;

  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      indicator
        ? api.patch<Indicator>(`/api/indicators/${indicator.id}`, {
            ...body,
            version: saved?.version ?? indicator.version,
          })
        : saved
          ? api.patch<Indicator>(`/api/indicators/${saved.id}`, { ...body, version: saved.version })
          : api.post<Indicator>('/api/indicators', { ...body, nodeId: node.id }),
    onSuccess: async (result) => {
      await Promise.all(
        planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      notifySuccess(t.indicatorSaved, result.name);
      if (result.findings.length === 0) {
        onClose();
        return;
      }
      // Keep the editor open so the findings can be read and fixed right here.
      setSaved(result);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fields = (error.details as { fields?: { path: string; message: string }[] } | null)
        ?.fields;
      for (const f of fields ?? []) form.setFieldError(formPath(f.path, method), f.message);
    },
  });

  const submit = (values: Values) => {
    const errors: Record<string, string> = {};
    const targets = years.flatMap((year) => {
      const target = readTarget(
        values.targets[String(year)] ?? emptyFields(),
        values.method,
        `targets.${year}`,
        errors,
      );
      return target ? [{ year, target }] : [];
    });
    const endTarget = readTarget(values.endTarget, values.method, 'endTarget', errors);
    const baselineMethod = values.method === 'range' ? 'ratio' : values.method;
    const baselineValue = readTarget(values.baseline, baselineMethod, 'baseline', errors);
    const baselineYear = Number(values.baselineYear.trim());
    if (baselineValue && !(Number.isInteger(baselineYear) && baselineYear >= 2000)) {
      errors.baselineYear = t.baselineYearInvalid;
    }
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    mutation.mutate({
      name: values.name.trim(),
      satuan: values.satuan.trim(),
      polarity: polarityOf(values.method),
      method: values.method,
      aggregation: values.aggregation,
      scaleId: values.method === 'scale' ? values.scaleId : null,
      isIku: values.isIku,
      definition: values.definition.trim(),
      formulaText: values.formulaText.trim(),
      dataSource: values.dataSource.trim(),
      baseline: baselineValue ? { year: baselineYear, value: baselineValue } : null,
      endTarget,
      targets,
    });
  };

  const targetInput = (path: string, label: string) => {
    if (method === 'scale') {
      return (
        <Select
          label={label}
          data={(scale?.levels ?? []).map((l) => ({
            value: l.code,
            label: `${l.code} – ${l.label}`,
          }))}
          placeholder={scale ? 'Pilih' : 'Pilih skala dahulu'}
          clearable
          {...form.getInputProps(`${path}.code`)}
        />
      );
    }
    if (method === 'range') {
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Group gap={4} wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={`${label} – ${t.low}`}
              placeholder={t.low}
              inputMode="decimal"
              {...form.getInputProps(`${path}.low`)}
            />
            <TextInput
              aria-label={`${label} – ${t.high}`}
              placeholder={t.high}
              inputMode="decimal"
              {...form.getInputProps(`${path}.high`)}
            />
          </Group>
        </Stack>
      );
    }
    return <TextInput label={label} inputMode="decimal" {...form.getInputProps(`${path}.value`)} />;
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={indicator ? t.editIndicator : `${t.addIndicator}: ${node.title}`}
      size="xl"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          <TextInput
            label={t.indicatorName}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.satuan}
              placeholder={t.satuanPlaceholder}
              {...form.getInputProps('satuan')}
            />
            <Select
              label={t.method}
              data={Object.entries(methodLabels).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('method')}
            />
            <Select
              label={t.aggregation}
              data={Object.entries(aggregationLabels).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('aggregation')}
            />
            {method === 'scale' && (
              <Select
                label={t.scale}
                data={scales.map((s) => ({ value: s.id, label: s.name }))}
                required
                {...form.getInputProps('scaleId')}
              />
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t.polarity}:{' '}
            {polarityOf(method) === 'negative'
              ? 'negatif (makin kecil makin baik)'
              : 'positif (makin besar makin baik)'}
          </Text>
          <Checkbox label={t.isIku} {...form.getInputProps('isIku', { type: 'checkbox' })} />
          <Divider />
          <Title order={3} fz="md">
            {t.yearlyTargets}
          </Title>
          {method !== 'scale' && (
            <Text size="xs" c="dimmed">
              {t.targetsHelp}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, sm: 3, md: method === 'range' ? 3 : 5 }}>
            {years.map((year) => (
              <div key={year}>{targetInput(`targets.${year}`, `Target ${year}`)}</div>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {targetInput('endTarget', t.endTarget)}
            <TextInput
              label={t.baselineYear}
              inputMode="numeric"
              {...form.getInputProps('baselineYear')}
            />
            {method === 'scale' ? (
              <Select
                label={t.baselineValue}
                data={(scale?.levels ?? []).map((l) => l.code)}
                clearable
                {...form.getInputProps('baseline.code')}
              />
            ) : (
              <TextInput
                label={t.baselineValue}
                inputMode="decimal"
                {...form.getInputProps('baseline.value')}
              />
            )}
          </SimpleGrid>
          <Divider label={t.manualIku} labelPosition="left" />
          <Textarea
            label={t.definition}
            autosize
            minRows={2}
            {...form.getInputProps('definition')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t.formulaText}
              autosize
              minRows={1}
              {...form.getInputProps('formulaText')}
            />
            <Textarea
              label={t.dataSource}
              autosize
              minRows={1}
              {...form.getInputProps('dataSource')}
            />
          </SimpleGrid>
          {saved && (
            <Stack gap="sm" ref={findingsRef}>
              <Alert color="yellow" variant="light" role="status">
                {t.savedWithFindings}
              </Alert>
              <QualityFindings findings={saved.findings} title={t.findingsTitle} />
            </Stack>
          )}
          <FormActions
            onCancel={onClose}
            pending={mutation.isPending}
            submitLabel={saved ? t.saveAgain : t.save}
          />
        </Stack>
      </form>
    </Modal>
  );
}
