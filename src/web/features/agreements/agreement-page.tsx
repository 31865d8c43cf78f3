import {
  Affix,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconArrowBackUp,
  IconCheck,
  IconDeviceFloppy,
  IconDownload,
  IconFileDiff,
  IconHistory,
  IconLock,
  IconMessageCircle,
  IconPlus,
  IconSend,
  IconSignature,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useBlocker, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { RevisionReason } from '../../../shared/codes.js';
import { ApiError, api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { CreateRevisionButton } from '../revisions/create-revision-button.js';
import { versionsQuery } from '../revisions/queries.js';
import { reasonLabels } from '../revisions/strings.js';
import { AgreementDocumentPanel } from './agreement-document-panel.js';
import { AgreementLevelBadge, StatusBadge } from './badges.js';
import { BudgetsEditor } from './budgets-editor.js';
import {
  type ContentDraft,
  draftFromDetail,
  draftToBody,
  type FieldErrors,
  newObjective,
  serverFieldErrors,
  years,
} from './draft.js';
import { FindingList } from './findings.js';
import { TransitionHistory } from './history.js';
import { type EditorContext, ObjectiveCard } from './objectives-editor.js';
import { PartiesCard } from './parties-card.js';
import { agreementQuery, refreshAgreements, saveContent, scalesQuery } from './queries.js';
import {
  actionDone,
  actionLabels,
  levelLabels,
  lockedReasons,
  agreementStrings as t,
} from './strings.js';
import type { AgreementDetail, QualityFinding, TransitionAction } from './types.js';

const route = getRouteApi('/_app/pk/dokumen/$agreementId');

/** /pk/dokumen/$agreementId: the PK editor (read-only once it leaves draft/returned). */
export function AgreementPage() {
  const { agreementId } = route.useParams();
  const query = useQuery(agreementQuery(agreementId));
  return (
    <QueryPage query={query} errorTitle={t.listTitle} crumbs={[{ label: t.listTitle, to: '/pk' }]}>
      {(detail) => <AgreementEditor detail={detail} />}
    </QueryPage>
  );
}

type Dialog = TransitionAction | 'delete' | 'pull' | null;

const confirmTexts: Record<Exclude<TransitionAction, 'return'>, string> = {
  submit: t.confirmSubmit,
  withdraw: t.confirmWithdraw,
  verify: t.confirmVerify,
  mark_ready: t.confirmMarkReady,
};

const actionIcons: Record<TransitionAction, ReactNode> = {
  submit: <IconSend size={16} aria-hidden />,
  withdraw: <IconArrowBackUp size={16} aria-hidden />,
  return: <IconMessageCircle size={16} aria-hidden />,
  verify: <IconCheck size={16} aria-hidden />,
  mark_ready: <IconSignature size={16} aria-hidden />,
};

/** permissions key of each action (agreementPermissions on the server). */
const actionPermission: Record<TransitionAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  return: 'return',
  verify: 'verify',
  mark_ready: 'markReady',
};

function blockedFindings(error: unknown): QualityFinding[] | null {
  if (!(error instanceof ApiError) || error.code !== 'QUALITY_BLOCKED') return null;
  const findings = (error.details as { findings?: QualityFinding[] } | null)?.findings;
  return Array.isArray(findings) ? findings : [];
}

function AgreementEditor({ detail }: { detail: AgreementDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const scales = useQuery(scalesQuery());
  const p = detail.permissions;
  const editable = p.update === true;
  const yearList = useMemo(() => years(detail), [detail]);

  const [draft, setDraft] = useState<ContentDraft>(() => draftFromDetail(detail));
  const [baseVersion, setBaseVersion] = useState(detail.version);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [blocked, setBlocked] = useState<QualityFinding[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const reset = useCallback((next: AgreementDetail) => {
    setDraft(draftFromDetail(next));
    setBaseVersion(next.version);
    setDirty(false);
    setErrors({});
    setConflict(false);
  }, []);

  // A newer version arrived (a refetch): take it, unless the person is in the middle of editing.
  useEffect(() => {
    if (detail.version === baseVersion) return;
    if (dirty) setConflict(true);
    else reset(detail);
  }, [detail, baseVersion, dirty, reset]);

  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm(t.unsavedLeave),
    enableBeforeUnload: () => dirty,
  });

  const change = (next: ContentDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const setError = useCallback((path: string, message: string | undefined) => {
    setErrors((current) => {
      if (current[path] === message) return current;
      const next = { ...current };
      if (message === undefined) delete next[path];
      else next[path] = message;
      return next;
    });
  }, []);

  const applyDetail = (next: AgreementDetail) => {
    queryClient.setQueryData(agreementQuery(detail.id).queryKey, next);
    reset(next);
    // Lists, board and cascade catch up in the background; this page already shows the answer.
    void refreshAgreements(queryClient, detail.id);
  };

  /** Saves the draft; the saved detail (new version) or throws. */
  const saveDraft = async (): Promise<AgreementDetail> => {
    const built = draftToBody(draft, baseVersion);
    if (!built.ok) {
      setErrors((current) => ({ ...current, ...built.errors }));
      throw new ApiError(400, { code: 'CLIENT_INVALID', message: t.fixFirst });
    }
    try {
      const saved = await saveContent(detail.id, built.body);
      const next =
        saved && Array.isArray((saved as Partial<AgreementDetail>).objectives)
          ? saved
          : await queryClient.fetchQuery({ ...agreementQuery(detail.id), staleTime: 0 });
      applyDetail(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.code === 'VERSION_CONFLICT') setConflict(true);
        const fields = serverFieldErrors(error, yearList);
        if (Object.keys(fields).length > 0) setErrors((current) => ({ ...current, ...fields }));
      }
      throw error;
    }
  };

  const save = useMutation({
    mutationFn: saveDraft,
    onSuccess: () => notifySuccess(t.saved),
  });

  const transition = useMutation({
    mutationFn: async (action: TransitionAction) => {
      let version = baseVersion;
      if (dirty && editable) version = (await saveDraft()).version;
      const trimmed = comment.trim();
      return api.post<AgreementDetail>(`/api/agreements/${detail.id}/transitions`, {
        version,
        action,
        ...(trimmed ? { comment: trimmed } : {}),
      });
    },
    onSuccess: async (next, action) => {
      setDialog(null);
      setComment('');
      setBlocked(null);
      if (next && Array.isArray(next.objectives)) applyDetail(next);
      else await refreshAgreements(queryClient);
      notifySuccess(actionDone[action]);
    },
    onError: async (error) => {
      const findings = blockedFindings(error);
      if (findings) {
        setDialog(null);
        setBlocked(findings);
        await queryClient.invalidateQueries({ queryKey: ['agreement', detail.id] });
      } else if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setDialog(null);
        setConflict(true);
      }
    },
  });

  const pull = useMutation({
    mutationFn: () =>
      api.post<AgreementDetail>(`/api/agreements/${detail.id}/pull-from-plan`, {
        version: baseVersion,
      }),
    onSuccess: async (next) => {
      setDialog(null);
      if (next && Array.isArray(next.objectives)) applyDetail(next);
      else await queryClient.invalidateQueries({ queryKey: ['agreement', detail.id] });
      notifySuccess(t.pulled);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setConflict(true);
    },
  });

  const remove = useMutation({
    mutationFn: () => api.delete(`/api/agreements/${detail.id}`, { version: baseVersion }),
    onSuccess: async () => {
      setDirty(false);
      await refreshAgreements(queryClient);
      notifySuccess(t.deleted);
      await navigate({ to: '/pk' });
    },
  });

  const reload = async () => {
    setDirty(false);
    const next = await queryClient.fetchQuery({ ...agreementQuery(detail.id), staleTime: 0 });
    reset(next);
  };

  // Findings of the saved version, by the indicator/sasaran they concern.
  const findingsByKey = useMemo(() => {
    const map = new Map<string, QualityFinding[]>();
    for (const f of detail.quality.findings) {
      const list = map.get(f.subjectKey) ?? [];
      list.push(f);
      map.set(f.subjectKey, list);
    }
    return map;
  }, [detail.quality.findings]);
  const ctx: EditorContext = {
    editable,
    yearList,
    scales: scales.data ?? [],
    errors,
    setError,
    findingsFor: (key) => (key ? (findingsByKey.get(key) ?? []) : []),
    candidates: detail.candidateParentObjectives,
  };

  const lastReturn = [...detail.transitions].reverse().find((tr) => tr.toStatus === 'returned');
  const actions = (Object.keys(actionPermission) as TransitionAction[]).filter(
    (a) => p[actionPermission[a]] === true,
  );
  const title = t.editorTitle(detail.position.title);
  const openDialog = (next: Dialog) => {
    transition.reset();
    setComment('');
    setCommentError(null);
    setDialog(next);
  };

  return (
    <Stack gap="md" pb={editable ? 80 : 0}>
      <PageHeader
        title={title}
        crumbs={[{ label: t.listTitle, to: '/pk' }, { label: title }]}
        badges={
          <>
            <AgreementLevelBadge level={detail.level} />
            <StatusBadge status={detail.status} />
            <Badge variant="outline" size="sm" color="gray.8" c="gray.8">
              {detail.year}
            </Badge>
            {detail.revisionNo > 0 && (
              <Badge variant="light" size="sm" color="grape" data-testid="revision-badge">
                {t.revisionBadge(detail.revisionNo)}
              </Badge>
            )}
          </>
        }
        description={`${levelLabels[detail.level]} · ${detail.unit?.name ?? levelLabels.pemda}`}
        actions={
          <>
            {actions.map((action) => (
              <Button
                key={action}
                variant={action === 'withdraw' || action === 'return' ? 'default' : 'filled'}
                color={action === 'return' ? 'orange' : undefined}
                leftSection={actionIcons[action]}
                onClick={() => openDialog(action)}
              >
                {actionLabels[action]}
              </Button>
            ))}
            <CreateRevisionButton
              agreementId={detail.id}
              version={detail.version}
              permissions={detail.permissions}
            />
            {p.delete && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => openDialog('delete')}
              >
                {t.delete}
              </Button>
            )}
          </>
        }
      />

      {detail.status === 'returned' && lastReturn?.comment && (
        <Alert
          color="orange"
          variant="light"
          title={t.returnedTitle}
          icon={<IconMessageCircle size={20} aria-hidden />}
          data-testid="returned-comment"
        >
          <Text size="md" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
            {lastReturn.comment}
          </Text>
          <Text size="xs" c="gray.7" mt={4}>
            {t.returnedBy(
              lastReturn.actor?.displayName ?? t.system,
              formatDateTime(lastReturn.at, timeZone),
            )}
          </Text>
        </Alert>
      )}

      {detail.revisionNo > 0 && <RevisionInfo detail={detail} />}

      {detail.status === 'superseded' && <SupersededBanner detail={detail} />}

      {!editable && detail.status !== 'superseded' && (
        <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />} role="status">
          {lockedReasons[detail.status] ??
            'Anda dapat membaca PK ini, tetapi tidak berwenang mengubahnya.'}
        </Alert>
      )}

      {conflict && (
        <ConflictAlert
          title={t.conflictTitle}
          message={t.conflict}
          reloadLabel={t.reload}
          onReload={() => void reload()}
        />
      )}

      {blocked && (
        <Alert
          color="red"
          variant="light"
          title={t.blockedTitle}
          icon={<IconAlertCircle size={20} aria-hidden />}
          role="alert"
          withCloseButton
          onClose={() => setBlocked(null)}
          data-testid="quality-blocked"
        >
          <Stack gap="xs">
            <Text size="sm">{t.blocked}</Text>
            <FindingList findings={blocked} compact />
          </Stack>
        </Alert>
      )}

      <PartiesCard
        detail={detail}
        actions={
          editable
            ? {
                dirty,
                prepare: async () => (dirty ? (await saveDraft()).version : baseVersion),
                onSaved: applyDetail,
              }
            : undefined
        }
      />

      <AgreementDocumentPanel detail={detail} />

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-labelledby="pk-quality"
      >
        <Title order={2} fz="lg" id="pk-quality" mb="xs">
          {t.sectionQuality}
        </Title>
        <Stack gap="xs" data-testid="quality-panel">
          <FindingList findings={detail.quality.findings} title={t.findingsTitle} />
          {dirty && detail.quality.findings.length > 0 && (
            <Text size="xs" c="dimmed">
              {t.qualityStale}
            </Text>
          )}
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="pk-objectives">
        <Group justify="space-between" align="center">
          <Title order={2} fz="lg" id="pk-objectives">
            {t.sectionObjectives}
          </Title>
          {editable && (
            <Group gap="xs">
              <Button
                variant="default"
                size="sm"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => openDialog('pull')}
              >
                {t.pull}
              </Button>
              <Button
                variant="light"
                size="sm"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  change({ ...draft, objectives: [...draft.objectives, newObjective(yearList)] })
                }
              >
                {t.addObjective}
              </Button>
            </Group>
          )}
        </Group>
        {draft.objectives.length === 0 ? (
          <Paper withBorder>
            <EmptyState
              title={t.noObjectivesTitle}
              description={editable ? t.noObjectivesEdit : t.noObjectivesRead}
            />
          </Paper>
        ) : (
          draft.objectives.map((objective, index) => {
            const saved = detail.objectives.find((o) => o.id === objective.id);
            const supports =
              saved?.supports && saved.supports.objectiveId === objective.supportsObjectiveId
                ? saved.supports
                : null;
            return (
              <ObjectiveCard
                key={objective.key}
                objective={objective}
                index={index}
                ctx={ctx}
                supports={supports}
                onChange={(next) =>
                  change({
                    ...draft,
                    objectives: draft.objectives.map((o, j) => (j === index ? next : o)),
                  })
                }
                onRemove={() =>
                  change({ ...draft, objectives: draft.objectives.filter((_, j) => j !== index) })
                }
              />
            );
          })
        )}
      </Stack>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-labelledby="pk-budgets"
      >
        <Title order={2} fz="lg" id="pk-budgets" mb="sm">
          {t.sectionBudgets}
        </Title>
        <BudgetsEditor
          budgets={draft.budgets}
          editable={editable}
          errors={errors}
          setError={setError}
          onChange={(budgets) => change({ ...draft, budgets })}
        />
      </Paper>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-labelledby="pk-history"
      >
        <Title order={2} fz="lg" id="pk-history" mb="sm">
          {t.sectionHistory}
        </Title>
        <TransitionHistory transitions={detail.transitions} />
      </Paper>

      {editable && (
        <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={150}>
          <Paper
            shadow="md"
            withBorder
            radius={0}
            px="md"
            py="xs"
            style={{ borderLeft: 0, borderRight: 0, borderBottom: 0 }}
          >
            <Group justify="flex-end" gap="sm" wrap="wrap">
              <Text
                size="sm"
                c={dirty ? 'orange.9' : 'dimmed'}
                fw={dirty ? 600 : 400}
                aria-live="polite"
                style={{ flex: '1 1 200px' }}
              >
                {save.isError &&
                !(save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT')
                  ? save.error.message
                  : dirty
                    ? t.unsaved
                    : ''}
              </Text>
              {dirty && (
                <Button variant="default" onClick={() => reset(detail)} disabled={save.isPending}>
                  {t.discard}
                </Button>
              )}
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={save.isPending}
                disabled={conflict}
                onClick={() => save.mutate()}
              >
                {t.save}
              </Button>
            </Group>
          </Paper>
        </Affix>
      )}

      {dialog === 'return' && (
        <ConfirmDialog
          opened
          title={t.returnTitle}
          message={t.returnHint}
          confirmLabel={actionLabels.return}
          color="orange"
          pending={transition.isPending}
          error={transition.isError ? transition.error : undefined}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            if (comment.trim().length < 5) {
              setCommentError(t.returnCommentRequired);
              return;
            }
            transition.mutate('return');
          }}
        >
          <Textarea
            label={t.returnComment}
            required
            autosize
            minRows={3}
            value={comment}
            error={commentError}
            onChange={(e) => {
              setCommentError(null);
              setComment(e.currentTarget.value);
            }}
            data-autofocus
          />
        </ConfirmDialog>
      )}

      {dialog !== null && dialog !== 'return' && dialog !== 'delete' && dialog !== 'pull' && (
        <ConfirmDialog
          opened
          title={actionLabels[dialog]}
          message={confirmTexts[dialog]}
          confirmLabel={actionLabels[dialog]}
          color={dialog === 'withdraw' ? 'orange' : 'amanah'}
          pending={transition.isPending}
          error={transition.isError ? transition.error : undefined}
          onClose={() => setDialog(null)}
          onConfirm={() => transition.mutate(dialog)}
        >
          <Textarea
            label={t.comment}
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
        </ConfirmDialog>
      )}

      <ConfirmDialog
        opened={dialog === 'pull'}
        title={t.pullConfirmTitle}
        message={t.pullConfirm}
        confirmLabel={t.pull}
        color="amanah"
        pending={pull.isPending}
        error={pull.isError ? pull.error : undefined}
        onClose={() => setDialog(null)}
        onConfirm={() => pull.mutate()}
      />

      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t.delete}
        message={t.deleteConfirm}
        confirmLabel={t.delete}
        pending={remove.isPending}
        error={remove.isError ? remove.error : undefined}
        onClose={() => setDialog(null)}
        onConfirm={() => remove.mutate()}
      />
    </Stack>
  );
}

/** "PK Perubahan ke-N": its reason, the link to the diff and to the version it revises. */
function RevisionInfo({ detail }: { detail: AgreementDetail }) {
  const reason = detail.revisionReason as RevisionReason | null;
  return (
    <Alert
      color="grape"
      variant="light"
      title={t.revisionBadge(detail.revisionNo)}
      icon={<IconFileDiff size={20} aria-hidden />}
      data-testid="revision-info"
    >
      <Stack gap={6}>
        {(reason || detail.revisionNote) && (
          <Text size="sm">
            <Text span fw={600}>
              {t.revisionReason}:
            </Text>{' '}
            {reason ? (reasonLabels[reason] ?? reason) : ''}
            {reason && detail.revisionNote ? ' — ' : ''}
            {detail.revisionNote}
          </Text>
        )}
        <Group gap="md">
          <AnchorLink
            to="/pk/dokumen/$agreementId/perubahan"
            params={{ agreementId: detail.id }}
            size="sm"
            fw={600}
          >
            {t.viewChanges}
          </AnchorLink>
          {detail.previous && (
            <AnchorLink
              to="/pk/dokumen/$agreementId"
              params={{ agreementId: detail.previous.id }}
              size="sm"
            >
              {t.previousVersion} ({t.previousOf(detail.previous.revisionNo)})
            </AnchorLink>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/** A superseded PK: read-only archive, with the way to the version that replaced it. */
function SupersededBanner({ detail }: { detail: AgreementDetail }) {
  const versions = useQuery(versionsQuery(detail.id));
  const newest = versions.data?.items.find((v) => v.latest && v.id !== detail.id);
  return (
    <Alert
      color="gray"
      variant="light"
      title={t.supersededTitle}
      icon={<IconHistory size={20} aria-hidden />}
      role="status"
      data-testid="superseded-banner"
    >
      <Stack gap={6}>
        <Text size="sm">{t.supersededBody}</Text>
        {newest && (
          <AnchorLink
            to="/pk/dokumen/$agreementId"
            params={{ agreementId: newest.id }}
            size="sm"
            fw={600}
          >
            {t.openNewest(newest.revisionNo)}
          </AnchorLink>
        )}
      </Stack>
    </Alert>
  );
}
