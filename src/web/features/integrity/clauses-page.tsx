import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconInfoCircle,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import {
  CLAUSE_MAX,
  CLAUSE_MIN,
  CLAUSES_MAX,
  type ClauseProblem,
  clauseProblems,
  type DraftClause,
  moveClause,
  newKey,
  normaliseClause,
  sameClauses,
  toDraft,
} from './clause-draft.js';
import { clausesQuery, clauseVersionQuery, saveClauses } from './queries.js';
import { integrityStrings as t } from './strings.js';
import type { ClauseDiffEntry, ClausesOverview, ClauseVersionSummary } from './types.js';

const crumbs = [{ label: t.title, to: '/pakta-integritas' }, { label: t.clausesButton }];

/** /pakta-integritas/klausul: the current clauses (editable by the admin) and every version. */
export function ClausesPage() {
  const clauses = useQuery(clausesQuery());
  return (
    <Stack gap={0}>
      <PageHeader title={t.clausesTitle} description={t.clausesDescription} crumbs={crumbs} />
      {clauses.isPending ? (
        <LoadingRows />
      ) : clauses.isError ? (
        <ErrorAlert error={clauses.error} onRetry={() => void clauses.refetch()} />
      ) : (
        <Stack gap="lg">
          {clauses.data.permissions.update ? (
            <ClauseEditor key={clauses.data.current.id} overview={clauses.data} />
          ) : (
            <CurrentClauses overview={clauses.data} />
          )}
          <VersionHistory overview={clauses.data} />
        </Stack>
      )}
    </Stack>
  );
}

function VersionLine({ version }: { version: ClauseVersionSummary }) {
  const timeZone = useTimeZone();
  return (
    <Text size="sm" c="gray.7">
      {t.savedOn(formatDate(version.createdAt, timeZone), version.createdByName)} ·{' '}
      {t.clauseCount(version.clauseCount)}
    </Text>
  );
}

function CurrentClauses({ overview }: { overview: ClausesOverview }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg">
        {t.currentVersion(overview.current.version)}
      </Title>
      <VersionLine version={overview.current} />
      <Text component="ol" size="sm" mt="sm" pl="lg" style={{ lineHeight: 1.6 }}>
        {overview.current.clauses.map((clause) => (
          <li key={clause}>{clause.replaceAll('{instansi}', overview.instansi)}</li>
        ))}
      </Text>
      <Text size="xs" c="dimmed" mt="xs">
        {t.readOnlyNote}
      </Text>
    </Paper>
  );
}

function problemText(problem: ClauseProblem): string {
  switch (problem.kind) {
    case 'short':
      return t.tooShort(CLAUSE_MIN);
    case 'long':
      return t.tooLong(CLAUSE_MAX);
    case 'duplicate':
      return t.duplicate(problem.of);
  }
}

/** The server names refused clauses as details.fields[].path "clauses.N". */
function serverProblems(error: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!(error instanceof ApiError)) return out;
  const fields = (error.details as { fields?: { path: string; message: string }[] } | null)?.fields;
  for (const field of fields ?? []) {
    const match = /^clauses\.(\d+)$/.exec(field.path);
    if (match) out.set(Number(match[1]), field.message);
  }
  return out;
}

/**
 * The admin's editor: the current clauses as an ordered list (edit, add, remove, move up/down
 * with buttons, so all of it works from the keyboard) saved as a new version with a note.
 */
function ClauseEditor({ overview }: { overview: ClausesOverview }) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<DraftClause[]>(() => toDraft(overview.current.clauses));
  const [note, setNote] = useState('');
  const texts = items.map((i) => i.text);
  const problems = clauseProblems(texts);
  const unchanged = sameClauses(texts, overview.current.clauses);
  const save = useMutation({
    mutationFn: () =>
      saveClauses({
        clauses: texts.map(normaliseClause),
        note: note.trim() || undefined,
        baseVersion: overview.current.version,
      }),
    onSuccess: async (saved) => {
      notifySuccess(t.saved(saved.version));
      await queryClient.invalidateQueries({ queryKey: ['integrity-clauses'] });
    },
  });
  const fromServer = serverProblems(save.error);

  const focusLater = (id: string) =>
    requestAnimationFrame(() => document.getElementById(id)?.focus());

  const move = (index: number, delta: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    setItems(moveClause(items, index, delta));
    // Keep the keyboard where it was: on the same button of the moved clause, or on its other
    // arrow when it reached the top or bottom.
    const target = index + delta;
    const edge = target === 0 || target === items.length - 1;
    const button = delta === -1 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down';
    focusLater(`clause-${item.key}-${button}`);
  };
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    setItems(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusLater(`clause-${neighbour.key}-text`);
  };
  const add = () => {
    const item = { key: newKey(), text: '' };
    setItems([...items, item]);
    focusLater(`clause-${item.key}-text`);
  };
  const blocked = items.length === 0 || problems.some((p) => p !== null);

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!blocked && !unchanged) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} fz="lg">
                {t.currentVersion(overview.current.version)}
              </Title>
              <VersionLine version={overview.current} />
            </div>
          </Group>
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            <Text size="sm">{t.instansiHint(overview.instansi)}</Text>
          </Alert>

          <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item, index) => {
              const problem = problems[index];
              const error = problem ? problemText(problem) : fromServer.get(index);
              const length = normaliseClause(item.text).length;
              return (
                <li key={item.key}>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <Text fw={700} w={28} ta="right" pt={6} aria-hidden>
                      {index + 1}.
                    </Text>
                    <Textarea
                      id={`clause-${item.key}-text`}
                      aria-label={t.clauseLabel(index + 1)}
                      value={item.text}
                      onChange={(e) => {
                        const text = e.currentTarget.value;
                        setItems((list) =>
                          list.map((x) => (x.key === item.key ? { ...x, text } : x)),
                        );
                      }}
                      autosize
                      minRows={2}
                      maxRows={8}
                      error={error}
                      description={t.chars(length, CLAUSE_MAX)}
                      inputWrapperOrder={['input', 'error', 'description']}
                      style={{ flex: 1 }}
                    />
                    <Group gap={4} wrap="nowrap" pt={4}>
                      <Tooltip label={t.moveUp(index + 1)}>
                        <ActionIcon
                          id={`clause-${item.key}-up`}
                          variant="default"
                          aria-label={t.moveUp(index + 1)}
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t.moveDown(index + 1)}>
                        <ActionIcon
                          id={`clause-${item.key}-down`}
                          variant="default"
                          aria-label={t.moveDown(index + 1)}
                          disabled={index === items.length - 1}
                          onClick={() => move(index, 1)}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t.removeClause(index + 1)}>
                        <ActionIcon
                          variant="default"
                          color="red"
                          aria-label={t.removeClause(index + 1)}
                          disabled={items.length === 1}
                          onClick={() => remove(index)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                </li>
              );
            })}
          </Stack>
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={add}
              disabled={items.length >= CLAUSES_MAX}
            >
              {t.addClause}
            </Button>
            {items.length >= CLAUSES_MAX && (
              <Text size="sm" c="dimmed">
                {t.limitReached(CLAUSES_MAX)}
              </Text>
            )}
          </Group>
          <TextInput
            label={t.note}
            placeholder={t.notePlaceholder}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
          />
          <MutationError mutation={save} />
          <Group justify="flex-end" gap="xs">
            {unchanged && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t.unchanged}
              </Text>
            )}
            <Button
              variant="default"
              disabled={unchanged || save.isPending}
              onClick={() => {
                setItems(toDraft(overview.current.clauses));
                setNote('');
                save.reset();
              }}
            >
              {t.reset}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={blocked || unchanged}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function VersionHistory({ overview }: { overview: ClausesOverview }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="sm">
        {t.historyTitle}
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {overview.history.map((version) => {
          const expanded = open === version.id;
          return (
            <li key={version.id}>
              <Paper withBorder p="sm" radius="sm" bg={expanded ? 'gray.0' : undefined}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <div>
                    <Group gap="xs">
                      <Text fw={700}>{t.versionLabel(version.version)}</Text>
                      {version.id === overview.current.id && (
                        <Badge size="sm" variant="light" color="teal" c="teal.9">
                          Berlaku
                        </Badge>
                      )}
                    </Group>
                    <VersionLine version={version} />
                    {version.note && (
                      <Text size="sm" mt={2}>
                        {version.note}
                      </Text>
                    )}
                  </div>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-expanded={expanded}
                    aria-controls={`version-${version.id}`}
                    onClick={() => setOpen(expanded ? null : version.id)}
                  >
                    {version.version === 1
                      ? expanded
                        ? t.hideClauses
                        : t.showClauses
                      : expanded
                        ? t.hideChanges
                        : t.showChanges}
                  </Button>
                </Group>
                <Collapse in={expanded}>
                  <div id={`version-${version.id}`}>
                    {expanded && <VersionChanges id={version.id} />}
                  </div>
                </Collapse>
              </Paper>
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}

const changeColors: Record<string, { bg: string; c: string; border: string }> = {
  unchanged: { bg: 'gray.1', c: 'gray.8', border: 'var(--mantine-color-gray-3)' },
  added: { bg: 'green.0', c: '#1e6b30', border: 'var(--mantine-color-green-6)' },
  removed: { bg: 'red.0', c: 'red.9', border: 'var(--mantine-color-red-6)' },
  changed: { bg: 'orange.0', c: 'orange.9', border: 'var(--mantine-color-orange-6)' },
  moved: { bg: 'blue.0', c: 'blue.9', border: 'var(--mantine-color-blue-6)' },
};

function ChangeBadge({ kind }: { kind: keyof typeof t.changeLabels }) {
  const colors = changeColors[kind] ?? { bg: 'gray.1', c: 'gray.8' };
  return (
    <Badge size="sm" variant="light" bg={colors.bg} c={colors.c} miw="max-content">
      {t.changeLabels[kind]}
    </Badge>
  );
}

function DiffEntry({ entry }: { entry: ClauseDiffEntry }) {
  const border = changeColors[entry.change]?.border;
  return (
    <Stack gap={2} pl="sm" py={4} style={{ borderLeft: `3px solid ${border}` }} component="li">
      <Group gap={6}>
        <ChangeBadge kind={entry.change} />
        {entry.moved && <ChangeBadge kind="moved" />}
        <Text size="xs" c="gray.7">
          {t.position(entry.before, entry.after)}
        </Text>
      </Group>
      <Text
        size="sm"
        td={entry.change === 'removed' ? 'line-through' : undefined}
        c={entry.change === 'removed' ? 'gray.7' : undefined}
      >
        {entry.text}
      </Text>
      {entry.previousText && (
        <Text size="xs" c="gray.7">
          {t.was} <s>{entry.previousText}</s>
        </Text>
      )}
    </Stack>
  );
}

function VersionChanges({ id }: { id: string }) {
  const detail = useQuery(clauseVersionQuery(id));
  if (detail.isPending) return <LoadingRows rows={3} />;
  if (detail.isError) {
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const { diff } = detail.data;
  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm" fw={600}>
        {diff ? t.changeSummary(diff.counts) : t.firstVersion}
      </Text>
      {diff ? (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {diff.entries.map((entry) => (
            <DiffEntry key={`${entry.before}-${entry.after}`} entry={entry} />
          ))}
        </Stack>
      ) : (
        <Text component="ol" size="sm" pl="lg" m={0} style={{ lineHeight: 1.6 }}>
          {detail.data.clauses.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </Text>
      )}
    </Stack>
  );
}
