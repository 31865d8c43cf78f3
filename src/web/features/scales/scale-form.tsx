import {
  ActionIcon,
  Box,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId, useMediaQuery } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowUp,
  IconPlus,
  IconSortDescending,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import {
  formatIndonesianNumber,
  parseIndonesianNumber,
} from '../../../shared/indonesian-number.js';
import { normalizeScaleCode } from '../../../shared/target-value.js';
import { ApiError, api } from '../../api/client.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { planningKeys } from '../planning/queries.js';
import { scaleStrings as t } from './strings.js';
import type { Scale, ScaleLevel } from './types.js';

/** The same rule as the API's createScaleBody.key. */
export const SCALE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
const maxLevels = 30;

interface LevelRow {
  /** Client-only row identity, so reordering keeps each row's inputs. */
  rowId: string;
  code: string;
  label: string;
  score: string;
}

interface Values {
  key: string;
  name: string;
  levels: LevelRow[];
}

const emptyRow = (): LevelRow => ({ rowId: randomId(), code: '', label: '', score: '' });

const toRow = (level: ScaleLevel): LevelRow => ({
  rowId: randomId(),
  code: level.code,
  label: level.label,
  score: formatIndonesianNumber(level.score),
});

/** A key suggested from the name while the user has not typed one: "Kategori IKM" → kategori_ikm. */
export function suggestKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug;
}

function validate(values: Values, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (creating && !SCALE_KEY_PATTERN.test(values.key.trim())) errors.key = t.keyInvalid;
  if (values.name.trim().length < 3) errors.name = t.nameInvalid;
  if (values.levels.length < 2) errors.levels = t.levelsMin;
  if (values.levels.length > maxLevels) errors.levels = t.levelsMax;
  const seen = new Set<string>();
  values.levels.forEach((level, index) => {
    const code = normalizeScaleCode(level.code);
    if (code === '') errors[`levels.${index}.code`] = t.codeRequired;
    else if (code.length > 20) errors[`levels.${index}.code`] = t.codeTooLong;
    else if (seen.has(code)) errors[`levels.${index}.code`] = t.codeDuplicate;
    seen.add(code);
    if (level.label.trim() === '') errors[`levels.${index}.label`] = t.labelRequired;
    const score = parseIndonesianNumber(level.score, { style: 'indonesian' });
    if (!score.ok) errors[`levels.${index}.score`] = score.message;
    else if (new Decimal(score.value).lte(0)) errors[`levels.${index}.score`] = t.scorePositive;
  });
  return errors;
}

/** The API body's levels: codes as the server stores them, scores as canonical decimals. */
function levelsBody(rows: readonly LevelRow[]): ScaleLevel[] {
  return rows.map((row) => {
    const score = parseIndonesianNumber(row.score, { style: 'indonesian' });
    return {
      code: normalizeScaleCode(row.code),
      label: row.label.trim(),
      score: score.ok ? score.value : row.score.trim(),
    };
  });
}

const sameLevels = (a: readonly ScaleLevel[], b: readonly ScaleLevel[]) =>
  a.length === b.length &&
  a.every((level, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      other.code === level.code &&
      other.label === level.label &&
      new Decimal(other.score).eq(level.score)
    );
  });

/**
 * The server's complaints keyed by form path: `details.field` (use-case errors such as a level
 * still used by a target, a duplicate key) or every zod issue's path. Only paths the form has.
 */
function serverFieldErrors(error: unknown, values: Values): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const details = error.details as
    | { field?: unknown; issues?: { path?: unknown; message?: unknown }[] }
    | null
    | undefined;
  const found: Record<string, string> = {};
  const known = (path: string) => {
    if (path === 'key' || path === 'name' || path === 'levels') return true;
    const match = /^levels\.(\d+)\.(code|label|score)$/.exec(path);
    return match !== null && Number(match[1]) < values.levels.length;
  };
  if (details && typeof details.field === 'string' && known(details.field)) {
    found[details.field] = error.message;
  }
  for (const issue of details?.issues ?? []) {
    if (!Array.isArray(issue.path) || typeof issue.message !== 'string') continue;
    const path = issue.path.map(String).join('.');
    if (known(path) && !found[path]) found[path] = issue.message;
  }
  return found;
}

/** Creates a scale (scale = null) or edits a scale's name and levels. */
export function ScaleFormModal({ scale, onClose }: { scale: Scale | null; onClose: () => void }) {
  const creating = scale === null;
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  // While the key was never typed into, it follows the name.
  const [keyTouched, setKeyTouched] = useState(false);
  const [placedOnFields, setPlacedOnFields] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      key: scale?.key ?? '',
      name: scale?.name ?? '',
      levels: scale ? scale.levels.map(toRow) : [emptyRow(), emptyRow(), emptyRow()],
    },
    validate: (values) => validate(values, creating),
  });

  const save = useMutation({
    mutationFn: async (values: Values): Promise<Scale | null> => {
      const levels = levelsBody(values.levels);
      const name = values.name.trim();
      if (!scale) {
        return api.post<Scale>('/api/rating-scales', { key: values.key.trim(), name, levels });
      }
      const body: { version: number; name?: string; levels?: ScaleLevel[] } = {
        version: scale.version,
      };
      if (name !== scale.name) body.name = name;
      if (!sameLevels(levels, scale.levels)) body.levels = levels;
      if (body.name === undefined && body.levels === undefined) return null;
      return api.patch<Scale>(`/api/rating-scales/${scale.id}`, body);
    },
    onMutate: () => setPlacedOnFields(false),
    onSuccess: async (saved) => {
      if (saved) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['rating-scales'] }),
          // Plan trees carry the scales too (indicator forms offer their levels).
          ...planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        ]);
        notifySuccess(creating ? t.created : t.updated, saved.name);
      } else {
        notifySuccess(t.noChanges);
      }
      onClose();
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, form.values);
      for (const [path, message] of Object.entries(fields)) form.setFieldError(path, message);
      setPlacedOnFields(Object.keys(fields).length > 0);
    },
  });

  const levels = form.values.levels;
  const move = (from: number, to: number) => {
    form.reorderListItem('levels', { from, to });
    form.clearErrors();
  };
  const sortByScore = () => {
    const score = (row: LevelRow) => {
      const parsed = parseIndonesianNumber(row.score, { style: 'indonesian' });
      return parsed.ok ? new Decimal(parsed.value) : new Decimal(-Infinity);
    };
    form.setFieldValue(
      'levels',
      [...levels].sort((a, b) => score(b).comparedTo(score(a))),
    );
    form.clearErrors();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={scale ? t.editTitle(scale.name) : t.addTitle}
      size="xl"
      fullScreen={isPhone}
      centered
      closeButtonProps={{ 'aria-label': common.close }}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          {!placedOnFields && <MutationError mutation={save} />}
          <SimpleGrid cols={{ base: 1, sm: creating ? 2 : 1 }}>
            <TextInput
              label={t.nameLabel}
              description={t.nameHelp}
              required
              data-autofocus
              {...form.getInputProps('name')}
              onChange={(event) => {
                const name = event.currentTarget.value;
                form.setFieldValue('name', name);
                if (creating && !keyTouched) form.setFieldValue('key', suggestKey(name));
              }}
            />
            {creating ? (
              <TextInput
                label={t.keyLabel}
                description={t.keyHelp}
                required
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                {...form.getInputProps('key')}
                onChange={(event) => {
                  setKeyTouched(true);
                  form.setFieldValue('key', event.currentTarget.value);
                }}
              />
            ) : null}
          </SimpleGrid>
          {!creating && scale && (
            <Text size="sm" c="dimmed">
              {t.keyLabel}: <code>{scale.key}</code>
            </Text>
          )}

          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Group justify="space-between" align="flex-end" gap="xs">
              <Box>
                <Text component="legend" fw={600} size="sm" p={0}>
                  {t.levels}
                </Text>
                <Text size="xs" c="dimmed">
                  {t.levelsHelp}
                </Text>
              </Box>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconSortDescending size={14} aria-hidden />}
                onClick={sortByScore}
                disabled={levels.length < 2}
              >
                {t.sortByScore}
              </Button>
            </Group>
            {form.errors.levels && (
              <Text size="sm" c="red.8" role="alert">
                {form.errors.levels}
              </Text>
            )}
            <Group gap="xs" wrap="nowrap" visibleFrom="sm" aria-hidden>
              <Text size="xs" fw={600} c="dimmed" w={28}>
                #
              </Text>
              <Text size="xs" fw={600} c="dimmed" w={110}>
                {t.code}
              </Text>
              <Text size="xs" fw={600} c="dimmed" style={{ flex: 1 }}>
                {t.label}
              </Text>
              <Text size="xs" fw={600} c="dimmed" w={110}>
                {t.score}
              </Text>
              <Box w={96} />
            </Group>
            {levels.map((row, index) => {
              const n = index + 1;
              return (
                <Group
                  key={row.rowId}
                  gap="xs"
                  align="flex-start"
                  wrap="wrap"
                  data-testid="scale-level-row"
                >
                  <Text size="sm" c="dimmed" w={28} pt={6} ta="right">
                    {n}.
                  </Text>
                  <TextInput
                    w={110}
                    placeholder={t.code}
                    aria-label={t.codeLabel(n)}
                    autoComplete="off"
                    {...form.getInputProps(`levels.${index}.code`)}
                  />
                  <TextInput
                    style={{ flex: '1 1 180px' }}
                    placeholder={t.label}
                    aria-label={t.labelLabel(n)}
                    {...form.getInputProps(`levels.${index}.label`)}
                  />
                  <TextInput
                    w={110}
                    placeholder={t.score}
                    aria-label={t.scoreLabel(n)}
                    inputMode="decimal"
                    autoComplete="off"
                    {...form.getInputProps(`levels.${index}.score`)}
                  />
                  <Group gap={2} wrap="nowrap" pt={4}>
                    <Tooltip label={t.moveUp(n)} openDelay={400}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t.moveUp(n)}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        <IconArrowUp size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t.moveDown(n)} openDelay={400}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t.moveDown(n)}
                        disabled={index === levels.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        <IconArrowDown size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t.removeLevel(n)} openDelay={400}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t.removeLevel(n)}
                        onClick={() => {
                          form.removeListItem('levels', index);
                          form.clearErrors();
                        }}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
              );
            })}
            <Group>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => form.insertListItem('levels', emptyRow())}
                disabled={levels.length >= maxLevels}
              >
                {t.addLevel}
              </Button>
            </Group>
          </Stack>
          <FormActions
            onCancel={onClose}
            pending={save.isPending}
            submitLabel={creating ? t.add : t.save}
          />
        </Stack>
      </form>
    </Modal>
  );
}
