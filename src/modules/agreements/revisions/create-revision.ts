import { and, eq, max, notInArray } from 'drizzle-orm';
import { newId } from '../../../db/columns.js';
import type { RevisionReason } from '../../../shared/codes.js';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { agreementPermissions, assertCan } from '../../access/policy.js';
import { todayIn } from '../../org/holders.js';
import { positions } from '../../org/schema.js';
import { assertVersion } from '../../org/units/find-unit.js';
import { actorUserId, findAgreement, statusLabel } from '../agreement-common.js';
import { resolveFirstParty, resolveSecondParty } from '../parties.js';
import {
  agreementBudgets,
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
  agreementTransitions,
} from '../schema.js';

export interface CreateRevisionInput {
  version: number;
  reason: RevisionReason;
  note: string;
}

export const revisionReasonLabels: Record<RevisionReason, string> = {
  mutasi: 'Mutasi/pergantian pejabat',
  perubahan_strategi: 'Perubahan strategi, program, kegiatan atau anggaran (termasuk APBD-P)',
  perubahan_prioritas: 'Perubahan prioritas atau asumsi',
};

const closedStatuses = ['signed', 'published', 'superseded'] as const;

/** Clamps a date into the PK's years (as drafting does: 2 January at the earliest). */
const clampIntoYears = (date: string, startYear: number, endYear: number) => {
  const first = `${startYear}-01-02`;
  const last = `${endYear}-12-31`;
  return date < first ? first : date > last ? last : date;
};

/**
 * Creates PK Perubahan n+1 of a signed (or published) PK: a new draft version with the whole
 * content copied (sasaran with their links to the higher PK, indicators, every target including
 * TW I–IV, budget rows), the same year, position and parties; for a mutasi the parties are
 * resolved again from the organisation on today's date. Only from the latest version, and only
 * when no other revision is in progress (the database's agreements_one_open_revision index
 * refuses a second one even under a race). Returns the new version's id.
 */
export async function createRevision(
  ctx: TenantContext,
  agreementId: string,
  input: CreateRevisionInput,
): Promise<string> {
  const { row: current, unitPath } = await findAgreement(ctx, agreementId, { lock: true });
  assertCan(ctx.actor, 'agreements.write', { unitPath });

  const [open] = await ctx.tx
    .select({ id: agreements.id, revisionNo: agreements.revisionNo, status: agreements.status })
    .from(agreements)
    .where(
      and(
        eq(agreements.tenantId, ctx.tenantId),
        eq(agreements.rootId, current.rootId),
        notInArray(agreements.status, [...closedStatuses]),
      ),
    );
  const [latest] = await ctx.tx
    .select({ revisionNo: max(agreements.revisionNo) })
    .from(agreements)
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.rootId, current.rootId)));
  const latestNo = latest?.revisionNo ?? current.revisionNo;

  if (open && open.id !== current.id) {
    throw new AppError(
      'REVISION_NOT_ALLOWED',
      `Sudah ada PK Perubahan yang sedang disusun untuk PK ini (PK Perubahan ${open.revisionNo}, berstatus ${statusLabel(open.status)}). Lanjutkan perubahan itu, atau hapus drafnya terlebih dahulu.`,
      { openRevisionId: open.id, revisionNo: open.revisionNo },
    );
  }
  if (current.status !== 'signed' && current.status !== 'published') {
    throw new AppError(
      'REVISION_NOT_ALLOWED',
      current.status === 'superseded'
        ? 'PK ini sudah digantikan oleh PK Perubahan yang lebih baru. Buat perubahan dari versi terbaru.'
        : `PK Perubahan hanya dapat dibuat dari PK yang sudah ditandatangani. PK ini masih berstatus ${statusLabel(current.status)}; ubah isinya langsung selama berstatus draf atau dikembalikan.`,
      { status: current.status },
    );
  }
  if (latestNo > current.revisionNo) {
    throw new AppError(
      'REVISION_NOT_ALLOWED',
      `PK ini sudah memiliki versi yang lebih baru (PK Perubahan ${latestNo}). Buat perubahan dari versi terbaru.`,
      { latestRevisionNo: latestNo },
    );
  }
  const permissions = agreementPermissions(ctx.actor, {
    unitPath,
    status: current.status,
    hasOpenRevision: false,
  });
  if (!permissions.revise) {
    throw new AppError('FORBIDDEN', 'Anda tidak memiliki hak membuat PK Perubahan untuk PK ini.');
  }
  assertVersion(current, input.version);
  const note = input.note.trim();
  if (note.length < 10) {
    throw new AppError('VALIDATION_FAILED', 'Uraian alasan perubahan minimal 10 karakter.', {
      fields: [{ path: 'note', message: 'minimal 10 karakter' }],
    });
  }

  // Parties: the same people, except after a mutasi, when whoever holds the posts today signs.
  let parties = {
    agreementDate: current.agreementDate,
    firstPartyEmployeeId: current.firstPartyEmployeeId,
    firstPartyAssignmentKind: current.firstPartyAssignmentKind,
    secondPartyPositionId: current.secondPartyPositionId,
    secondPartyEmployeeId: current.secondPartyEmployeeId,
    secondPartyAssignmentKind: current.secondPartyAssignmentKind,
    secondPartyOverrideReason: current.secondPartyOverrideReason,
  };
  if (input.reason === 'mutasi') {
    const date = clampIntoYears(todayIn(ctx.actor.timeZone), current.startYear, current.endYear);
    const [position] = await ctx.tx
      .select({ id: positions.id, title: positions.title })
      .from(positions)
      .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, current.positionId)));
    if (!position) throw new Error(`position ${current.positionId} of agreement missing`);
    const first = await resolveFirstParty(ctx, position, date);
    // A hand-chosen pihak kedua keeps its position; the person is whoever holds it today.
    const second = await resolveSecondParty(
      ctx,
      position,
      current.level,
      date,
      current.secondPartyOverrideReason && current.secondPartyPositionId
        ? { positionId: current.secondPartyPositionId, reason: current.secondPartyOverrideReason }
        : null,
    );
    parties = {
      agreementDate: date,
      firstPartyEmployeeId: first.employeeId,
      firstPartyAssignmentKind: first.assignmentKind,
      secondPartyPositionId: second?.positionId ?? null,
      secondPartyEmployeeId: second?.employeeId ?? null,
      secondPartyAssignmentKind: second?.assignmentKind ?? null,
      secondPartyOverrideReason: second?.overrideReason ?? null,
    };
  }

  const id = newId();
  const revisionNo = current.revisionNo + 1;
  await ctx.tx.insert(agreements).values({
    tenantId: ctx.tenantId,
    id,
    yearId: current.yearId,
    startYear: current.startYear,
    endYear: current.endYear,
    level: current.level,
    unitId: current.unitId,
    planPeriodId: current.planPeriodId,
    positionId: current.positionId,
    ...parties,
    parentAgreementId: current.parentAgreementId,
    status: 'draft',
    revisionNo,
    rootId: current.rootId,
    previousId: current.id,
    revisionReason: input.reason,
    revisionNote: note,
    createdBy: actorUserId(ctx),
  });
  await copyContent(ctx, current.id, id);
  await ctx.tx.insert(agreementTransitions).values({
    tenantId: ctx.tenantId,
    agreementId: id,
    fromStatus: null,
    toStatus: 'draft',
    actorUserId: actorUserId(ctx),
    comment: `PK Perubahan ${revisionNo} — ${revisionReasonLabels[input.reason]}: ${note}`,
  });
  await ctx.audit({
    action: 'agreement.revise',
    entityType: 'agreement',
    entityId: id,
    data: {
      rootId: current.rootId,
      previousId: current.id,
      revisionNo,
      reason: input.reason,
      note,
      partiesResolvedAgain: input.reason === 'mutasi',
    },
  });
  return id;
}

/** Copies sasaran (with their support links), indicators, all targets and budget rows. */
async function copyContent(ctx: TenantContext, fromId: string, toId: string): Promise<void> {
  const { tx, tenantId } = ctx;
  const objectiveIds = new Map<string, string>();
  const objectives = await tx
    .select()
    .from(agreementObjectives)
    .where(
      and(eq(agreementObjectives.tenantId, tenantId), eq(agreementObjectives.agreementId, fromId)),
    );
  if (objectives.length) {
    await tx.insert(agreementObjectives).values(
      objectives.map((o) => {
        const newObjectiveId = newId();
        objectiveIds.set(o.id, newObjectiveId);
        return { ...o, id: newObjectiveId, agreementId: toId };
      }),
    );
  }
  const indicatorIds = new Map<string, string>();
  const indicators = await tx
    .select()
    .from(agreementIndicators)
    .where(
      and(eq(agreementIndicators.tenantId, tenantId), eq(agreementIndicators.agreementId, fromId)),
    );
  if (indicators.length) {
    await tx.insert(agreementIndicators).values(
      indicators.map((i) => {
        const newIndicatorId = newId();
        indicatorIds.set(i.id, newIndicatorId);
        const objectiveId = objectiveIds.get(i.objectiveId);
        if (!objectiveId) throw new Error(`indicator ${i.id} outside the agreement's sasaran`);
        return { ...i, id: newIndicatorId, agreementId: toId, objectiveId };
      }),
    );
  }
  const targets = await tx
    .select()
    .from(agreementTargets)
    .where(and(eq(agreementTargets.tenantId, tenantId), eq(agreementTargets.agreementId, fromId)));
  // Large PKs (5 years × 5 targets × many indicators) are inserted in chunks of bound parameters.
  for (let start = 0; start < targets.length; start += 1000) {
    await tx.insert(agreementTargets).values(
      targets.slice(start, start + 1000).map((t) => {
        const indicatorId = indicatorIds.get(t.indicatorId);
        if (!indicatorId) throw new Error(`target of unknown indicator ${t.indicatorId}`);
        return { ...t, indicatorId, agreementId: toId };
      }),
    );
  }
  const budgets = await tx
    .select()
    .from(agreementBudgets)
    .where(and(eq(agreementBudgets.tenantId, tenantId), eq(agreementBudgets.agreementId, fromId)));
  for (let start = 0; start < budgets.length; start += 1000) {
    await tx
      .insert(agreementBudgets)
      .values(
        budgets.slice(start, start + 1000).map((b) => ({ ...b, id: newId(), agreementId: toId })),
      );
  }
}
