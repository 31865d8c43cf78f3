import {
  Affix,
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconArrowBackUp,
  IconDeviceFloppy,
  IconLock,
  IconLockOpen,
  IconMessageCircle,
  IconSend,
  IconShieldCheck,
  IconThumbUp,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useBlocker } from '@tanstack/react-router';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { Capaian, CapaianRules } from '../../../shared/capaian/index.js';
import { ApiError } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { Field } from '../../components/field.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState, ErrorAlert } from '../../components/states.js';
import { formatDateTime, todayIn } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { agreementQuery } from '../agreements/queries.js';
import { DeadlineLine, LockBadge, ReportStatusBadge, useCapaianRules } from './badges.js';
import { BudgetTable } from './budget-table.js';
import {
  buildSave,
  draftFromDetail,
  type FieldErrors,
  type IndicatorDraft,
  isDirty,
  missingNarrative,
  type ReportDraft,
  readValue,
  serverFieldErrors,
} from './draft.js';
import { EvidencePanel } from './evidence.js';
import { fieldId, IndicatorCard } from './indicator-card.js';
import { explanationNeeded, previewCapaian, quarterTargetsOf } from './preview.js';
import {
  refreshMonitoring,
  reportQuery,
  saveValues,
  tenantQuery,
  transitionReport,
} from './queries.js';
import { ReportHistory, UnlockHistory } from './report-history.js';
import {
  actionConfirm,
  actionDone,
  actionLabels,
  levelLabels,
  quarterLabel,
  monitoringStrings as t,
} from './strings.js';
import type { ReportAction, ReportDetail, ReportIndicator } from './types.js';
import { UnlockRequest } from './unlock-request.js';

const route = getRouteApi('/_app/realisasi/$reportId');
const listCrumb = { label: t.listTitle, to: '/realisasi' };

/** /realisasi/$reportId: one PK's quarter report: values, narrative, evidence, budget, workflow. */
export function ReportPage() {
  const { reportId } = route.useParams();
  const query = useQuery(reportQuery(reportId));
  return (
    <QueryPage query={query} errorTitle={t.listTitle} crumbs={[listCrumb]}>
      {(detail) => <ReportEditor detail={detail} />}
    </QueryPage>
  );
}

const actionIcons: Record<ReportAction, ReactNode> = {
  submit: <IconSend size={16} aria-hidden />,
  withdraw: <IconArrowBackUp size={16} aria-hidden />,
  approve: <IconThumbUp size={16} aria-hidden />,
  verify: <IconShieldCheck size={16} aria-hidden />,
  return: <IconMessageCircle size={16} aria-hidden />,
};
const actionOrder: ReportAction[] = ['approve', 'verify', 'submit', 'withdraw', 'return'];

/** The stored values are the same (a newer version that only changed evidence or status). */
function sameStoredValues(a: ReportDetail, b: ReportDetail): boolean {
  if (a.indicators.length !== b.indicators.length || a.budgets.length !== b.budgets.length)
    return false;
  const key = (d: ReportDetail) =>
    JSON.stringify([
      d.indicators.map((i) => [i.id, i.value, i.analysis, i.obstacles, i.followUp]),
      d.budgets.map((x) => [x.id, x.amount]),
    ]);
  return key(a) === key(b);
}

interface IndicatorView {
  capaian: { quarter: Capaian; toDate: Capaian; annual: Capaian };
  isPreview: boolean;
  required: boolean;
  reason: 'band' | 'empty' | null;
}

function ReportEditor({ detail }: { detail: ReportDetail }) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const rules = useCapaianRules();
  const tenant = useQuery(tenantQuery());
  const maxMb = Number(tenant.data?.settings?.monitoring?.evidenceMaxMb ?? 20);
  const agreement = useQuery({ ...agreementQuery(detail.agreementId), retry: false });
  const targets = useMemo(
    () => quarterTargetsOf(agreement.data, detail.year),
    [agreement.data, detail.year],
  );
  const quarter = detail.quarter as 1 | 2 | 3 | 4;
  const p = detail.permissions;
  const editable = p.edit;

  const [base, setBase] = useState<ReportDetail>(detail);
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromDetail(detail));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [explanationAlert, setExplanationAlert] = useState<string | null>(null);
  const [dialog, setDialog] = useState<ReportAction | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);

  const dirty = useMemo(() => isDirty(draft, base), [draft, base]);

  const reset = useCallback((next: ReportDetail) => {
    setBase(next);
    setDraft(draftFromDetail(next));
    setErrors({});
    setConflict(false);
  }, []);

  // A newer version arrived (refetch): take it, unless values the person is editing changed.
  useEffect(() => {
    if (detail === base) return;
    if (detail.version === base.version || sameStoredValues(detail, base)) {
      setBase(detail);
      return;
    }
    if (dirty) setConflict(true);
    else reset(detail);
  }, [detail, base, dirty, reset]);

  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm(t.unsavedLeave),
    enableBeforeUnload: () => dirty,
  });

  const setError = useCallback((key: string, message: string | undefined) => {
    setErrors((current) => {
      if (current[key] === message) return current;
      const next = { ...current };
      if (message === undefined) delete next[key];
      else next[key] = message;
      return next;
    });
  }, []);
  const changeIndicator = useCallback((id: string, next: IndicatorDraft) => {
    setDraft((current) => ({ ...current, indicators: { ...current.indicators, [id]: next } }));
  }, []);
  const changeBudget = useCallback((id: string, text: string) => {
    setDraft((current) => ({ ...current, budgets: { ...current.budgets, [id]: text } }));
  }, []);

  const applyDetail = useCallback(
    (next: ReportDetail) => {
      queryClient.setQueryData(reportQuery(next.id).queryKey, next);
      reset(next);
      void refreshMonitoring(queryClient, next.id);
    },
    [queryClient, reset],
  );

  const refetch = useCallback(
    () => queryClient.invalidateQueries({ queryKey: reportQuery(detail.id).queryKey }),
    [queryClient, detail.id],
  );

  const focusFirstError = (keys: string[]) => {
    const first = keys
      .map((k) => document.getElementById(fieldId(k)))
      .find((el): el is HTMLElement => el !== null);
    if (first) {
      first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      first.focus({ preventScroll: true });
    }
  };

  /** Saves what changed; the saved detail (the same one when nothing changed), or throws. */
  const saveDraft = async (): Promise<ReportDetail> => {
    const built = buildSave(draft, base, base.version);
    if (!built.ok) {
      setErrors((current) => ({ ...current, ...built.errors }));
      // Wait for the fields to show their errors before moving to the first one.
      setTimeout(() => focusFirstError(Object.keys(built.errors)), 0);
      throw new ApiError(400, { code: 'CLIENT_INVALID', message: t.fixFirst });
    }
    if (built.body.values.length === 0 && built.body.budgets.length === 0) return base;
    try {
      const saved = await saveValues(base.id, built.body);
      applyDetail(saved);
      return saved;
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.code === 'VERSION_CONFLICT') setConflict(true);
        const fields = serverFieldErrors(error, base);
        if (Object.keys(fields).length > 0) {
          setErrors((current) => ({ ...current, ...fields }));
          setTimeout(() => focusFirstError(Object.keys(fields)), 0);
        }
      }
      throw error;
    }
  };

  const save = useMutation({
    mutationFn: saveDraft,
    onSuccess: () => notifySuccess(t.saved),
  });

  const transition = useMutation({
    mutationFn: async (action: ReportAction) => {
      let current = base;
      if (action === 'submit' && editable) {
        if (dirty) current = await saveDraft();
        // The server's own verdict on the saved values: mark what still needs an explanation
        // (the same shape as the server's 422, so one path marks the fields).
        const missing = current.indicators
          .filter((i) => i.explanationRequired && missingNarrative(i).length > 0)
          .map((i) => ({ indicatorId: i.id, missing: missingNarrative(i) }));
        if (missing.length > 0) {
          throw new ApiError(422, {
            code: 'EXPLANATION_REQUIRED',
            message: t.explanationErrorBody,
            details: { indicators: missing },
          });
        }
      }
      const trimmed = note.trim();
      return transitionReport(current.id, {
        version: current.version,
        action,
        ...(trimmed ? { note: trimmed } : {}),
      });
    },
    onSuccess: (next, action) => {
      setDialog(null);
      setNote('');
      setExplanationAlert(null);
      applyDetail(next);
      notifySuccess(actionDone[action]);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.code === 'VERSION_CONFLICT') {
        setDialog(null);
        setConflict(true);
      } else if (error.code === 'EXPLANATION_REQUIRED' || error.code === 'CLIENT_INVALID') {
        setDialog(null);
        if (error.code === 'EXPLANATION_REQUIRED') {
          const fields = serverFieldErrors(error, base, draft);
          if (Object.keys(fields).length > 0) setErrors((e) => ({ ...e, ...fields }));
          setExplanationAlert(error.message);
          setTimeout(() => focusFirstError(Object.keys(fields)), 0);
        }
      }
    },
  });

  const reload = async () => {
    const next = await queryClient.fetchQuery({ ...reportQuery(detail.id), staleTime: 0 });
    reset(next);
  };

  const views = useMemo(() => {
    const map = new Map<string, IndicatorView>();
    for (const indicator of base.indicators) {
      map.set(
        indicator.id,
        indicatorView(
          indicator,
          draft.indicators[indicator.id],
          quarter,
          targets?.get(indicator.id),
          rules,
        ),
      );
    }
    return map;
  }, [base.indicators, draft.indicators, quarter, targets, rules]);

  const objectives = useMemo(() => {
    const groups: { id: string; title: string; indicators: ReportIndicator[] }[] = [];
    for (const indicator of base.indicators) {
      let group = groups.find((g) => g.id === indicator.objectiveId);
      if (!group) {
        group = { id: indicator.objectiveId, title: indicator.objectiveTitle, indicators: [] };
        groups.push(group);
      }
      group.indicators.push(indicator);
    }
    return groups;
  }, [base.indicators]);

  const evidenceByIndicator = useMemo(() => {
    const map = new Map<string | null, ReportDetail['evidence']>();
    for (const e of detail.evidence) {
      const list = map.get(e.indicatorId) ?? [];
      list.push(e);
      map.set(e.indicatorId, list);
    }
    return map;
  }, [detail.evidence]);

  const today = todayIn(timeZone);
  const q = quarterLabel(quarter);
  const title = t.reportTitle(q, detail.year);
  const unit = detail.agreement.unitName ?? levelLabels.pemda;
  const lastReturn = [...detail.transitions].reverse().find((tr) => tr.toStatus === 'returned');
  const pendingUnlock = detail.unlocks.find((u) => u.status === 'pending');
  const notStarted = detail.locked && today < detail.deadline;
  const busy = save.isPending || transition.isPending;

  const headerActions = actionOrder.filter((a) => p[a] === true && !(a === 'submit' && editable));
  const openDialog = (action: ReportAction) => {
    transition.reset();
    setNote('');
    setNoteError(null);
    setDialog(action);
  };

  return (
    <Stack gap="md" pb={editable ? 96 : 0}>
      <PageHeader
        title={title}
        crumbs={[listCrumb, { label: title }]}
        badges={
          <>
            <ReportStatusBadge status={detail.status} />
            {detail.locked && !notStarted && <LockBadge />}
            {!detail.locked && detail.unlockedUntil && (
              <LockBadge unlockedUntil={detail.unlockedUntil} />
            )}
          </>
        }
        description={t.reportDescription(detail.agreement.title, unit)}
        actions={headerActions.map((action) => (
          <Button
            key={action}
            variant={action === 'withdraw' || action === 'return' ? 'default' : 'filled'}
            color={action === 'return' ? 'orange' : undefined}
            leftSection={actionIcons[action]}
            onClick={() => openDialog(action)}
            disabled={busy}
          >
            {actionLabels[action]}
          </Button>
        ))}
      />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t.pihakPertama}>{detail.agreement.firstPartyName}</Field>
          <Field label={t.pihakKedua}>{detail.agreement.secondPartyName ?? '–'}</Field>
          <Field label={t.deadline}>
            <DeadlineLine
              deadline={detail.deadline}
              today={today}
              locked={detail.locked && !notStarted}
            />
          </Field>
          <Field label={t.pkColumn}>
            <AnchorLink
              to="/pk/dokumen/$agreementId"
              params={{ agreementId: detail.agreementId }}
              size="sm"
            >
              {t.openPk}
            </AnchorLink>
          </Field>
        </SimpleGrid>
      </Paper>

      {detail.status === 'returned' && lastReturn?.note && (
        <Alert
          color="orange"
          variant="light"
          title={t.returnedTitle}
          icon={<IconMessageCircle size={20} aria-hidden />}
          data-testid="returned-note"
        >
          <Text size="md" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
            {lastReturn.note}
          </Text>
          <Text size="xs" c="gray.7" mt={4}>
            {t.returnedBy(
              lastReturn.actorName ?? t.system,
              formatDateTime(lastReturn.createdAt, timeZone),
            )}
          </Text>
        </Alert>
      )}

      {detail.locked && (
        <Alert
          color="gray"
          variant="light"
          title={notStarted ? t.notStarted : t.locked}
          icon={<IconLock size={20} aria-hidden />}
          data-testid="locked-banner"
        >
          <Stack gap="sm">
            <Text size="sm">{notStarted ? t.notStartedBody : t.lockedBody}</Text>
            {!notStarted && pendingUnlock && (
              <Group gap="sm">
                <Text size="sm" fw={600} role="status">
                  {t.unlockPending}
                </Text>
                {p.grantUnlock && (
                  <AnchorLink to="/realisasi/buka-kunci" size="sm" fw={600}>
                    {t.decideUnlock}
                  </AnchorLink>
                )}
              </Group>
            )}
            {!notStarted && !pendingUnlock && p.requestUnlock && (
              <UnlockRequest reportId={detail.id} onDone={refetch} />
            )}
          </Stack>
        </Alert>
      )}

      {!detail.locked && detail.unlockedUntil && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconLockOpen size={20} aria-hidden />}
          role="status"
        >
          {t.unlockedUntil(formatDateTime(detail.unlockedUntil, timeZone))}
        </Alert>
      )}

      {!editable && !detail.locked && (
        <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />} role="status">
          {t.readOnly[detail.status] ?? t.readOnly.other}
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

      {explanationAlert && (
        <Alert
          color="orange"
          variant="light"
          title={t.explanationErrorTitle}
          icon={<IconAlertCircle size={20} aria-hidden />}
          role="alert"
          withCloseButton
          closeButtonLabel="Tutup"
          onClose={() => setExplanationAlert(null)}
          data-testid="explanation-alert"
        >
          <Stack gap={4}>
            <Text size="sm">{explanationAlert}</Text>
            {explanationAlert !== t.explanationErrorBody && (
              <Text size="sm">{t.explanationErrorBody}</Text>
            )}
          </Stack>
        </Alert>
      )}

      <Stack gap="sm" component="section" aria-labelledby="report-indicators">
        <div>
          <Title order={2} fz="lg" id="report-indicators">
            {t.sectionIndicators}
          </Title>
          {editable && (
            <Text size="sm" c="dimmed">
              {t.indicatorsHint}
            </Text>
          )}
        </div>
        {objectives.length === 0 ? (
          <Paper withBorder>
            <EmptyState title={t.noIndicatorsTitle} description={t.noIndicatorsBody} />
          </Paper>
        ) : (
          objectives.map((objective) => (
            <Stack key={objective.id} gap="sm" component="section" aria-label={objective.title}>
              <Text fw={600} size="sm" c="gray.8">
                {objective.title}
              </Text>
              {objective.indicators.map((indicator) => {
                const view = views.get(indicator.id);
                const d = draft.indicators[indicator.id];
                if (!view || !d) return null;
                return (
                  <IndicatorCard
                    key={indicator.id}
                    indicator={indicator}
                    quarter={quarter}
                    draft={d}
                    capaian={view.capaian}
                    isPreview={view.isPreview}
                    explanationRequired={view.required}
                    explanationReason={view.reason}
                    errors={errors}
                    editable={editable}
                    rules={rules}
                    evidence={evidenceByIndicator.get(indicator.id) ?? []}
                    reportId={detail.id}
                    maxMb={maxMb}
                    onChange={changeIndicator}
                    onError={setError}
                    onEvidenceChanged={refetch}
                  />
                );
              })}
            </Stack>
          ))
        )}
      </Stack>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-labelledby="report-evidence"
      >
        <Title order={2} fz="lg" id="report-evidence">
          {t.evidenceGeneral}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t.evidenceGeneralHint}
        </Text>
        <EvidencePanel
          reportId={detail.id}
          indicatorId={null}
          label={t.evidenceGeneral}
          files={evidenceByIndicator.get(null) ?? []}
          editable={editable}
          maxMb={maxMb}
          onChanged={refetch}
        />
      </Paper>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-labelledby="report-budgets"
      >
        <Title order={2} fz="lg" id="report-budgets">
          {t.sectionBudgets}
        </Title>
        {editable && base.budgets.length > 0 && (
          <Text size="sm" c="dimmed" mb="xs">
            {t.budgetsHint}
          </Text>
        )}
        <BudgetTable
          budgets={base.budgets}
          drafts={draft.budgets}
          quarter={quarter}
          editable={editable}
          errors={errors}
          onChange={changeBudget}
          onError={setError}
        />
      </Paper>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-labelledby="report-history"
      >
        <Title order={2} fz="lg" id="report-history" mb="sm">
          {t.sectionHistory}
        </Title>
        <Stack gap="md">
          <ReportHistory transitions={detail.transitions} />
          <UnlockHistory unlocks={detail.unlocks} />
        </Stack>
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
                c={save.isError ? 'red.9' : dirty ? '#a33a08' : 'dimmed'}
                fw={dirty || save.isError ? 600 : 400}
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
                <Button variant="default" onClick={() => reset(base)} disabled={busy}>
                  {t.discard}
                </Button>
              )}
              <Button
                variant={p.submit ? 'default' : 'filled'}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={save.isPending}
                disabled={conflict || busy || !dirty}
                onClick={() => save.mutate()}
              >
                {t.save}
              </Button>
              {p.submit && (
                <Button
                  leftSection={<IconSend size={16} aria-hidden />}
                  disabled={conflict || busy}
                  onClick={() => openDialog('submit')}
                >
                  {actionLabels.submit}
                </Button>
              )}
            </Group>
          </Paper>
        </Affix>
      )}

      {dialog !== null && (
        <ConfirmDialog
          opened
          title={actionLabels[dialog]}
          message={actionConfirm[dialog]}
          confirmLabel={actionLabels[dialog]}
          color={dialog === 'return' || dialog === 'withdraw' ? 'orange' : 'amanah'}
          pending={transition.isPending}
          error={
            transition.isError &&
            !(
              transition.error instanceof ApiError &&
              ['EXPLANATION_REQUIRED', 'CLIENT_INVALID', 'VERSION_CONFLICT'].includes(
                transition.error.code,
              )
            )
              ? transition.error
              : undefined
          }
          onClose={() => setDialog(null)}
          onConfirm={() => {
            if (dialog === 'return' && note.trim().length < 5) {
              setNoteError(t.returnNoteRequired);
              return;
            }
            transition.mutate(dialog);
          }}
        >
          {dialog === 'submit' && dirty && (
            <Text size="sm" c="dimmed">
              {t.savedThenAction}
            </Text>
          )}
          <Textarea
            label={dialog === 'return' ? t.returnNote : t.note}
            description={dialog === 'return' ? t.returnNoteHint : undefined}
            required={dialog === 'return'}
            autosize
            minRows={dialog === 'return' ? 3 : 2}
            maxLength={2000}
            value={note}
            error={noteError}
            onChange={(e) => {
              setNoteError(null);
              setNote(e.currentTarget.value);
            }}
            data-autofocus={dialog === 'return' ? true : undefined}
          />
        </ConfirmDialog>
      )}
      {transition.isError &&
        dialog === null &&
        !(
          transition.error instanceof ApiError &&
          ['EXPLANATION_REQUIRED', 'CLIENT_INVALID', 'VERSION_CONFLICT'].includes(
            transition.error.code,
          )
        ) && <ErrorAlert error={transition.error} />}
    </Stack>
  );
}

/** Stored capaian, or the engine's preview when the value typed differs from the stored one. */
function indicatorView(
  indicator: ReportIndicator,
  draft: IndicatorDraft | undefined,
  quarter: 1 | 2 | 3 | 4,
  targets: Parameters<typeof previewCapaian>[3],
  rules: CapaianRules,
): IndicatorView {
  const stored: IndicatorView = {
    capaian: indicator.capaian,
    isPreview: false,
    required: indicator.explanationRequired,
    reason: indicator.explanationRequired ? (indicator.value === null ? 'empty' : 'band') : null,
  };
  if (!draft) return stored;
  const read = readValue(draft.value, indicator);
  if (!read.ok) return stored;
  const same =
    JSON.stringify(read.value) === JSON.stringify(indicator.value) ||
    (read.value === null && indicator.value === null);
  if (same) return stored;
  const preview = previewCapaian(indicator, read.value, quarter, targets, rules);
  if (!preview) return stored;
  const required = explanationNeeded(preview.toDate, read.value, rules);
  return {
    capaian: { quarter: preview.quarter, toDate: preview.toDate, annual: preview.annual },
    isPreview: true,
    required,
    reason: required ? (read.value === null ? 'empty' : 'band') : null,
  };
}
