import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { assertVersion } from '../org/units/find-unit.js';
import { assertAgreementDate, assertEditable, findAgreement } from './agreement-common.js';
import type { UpdateAgreementInput } from './agreement-schemas.js';
import { findParentAgreement, levelRank, positionForAgreement } from './create-agreement.js';
import { resolveFirstParty, resolveSecondParty } from './parties.js';
import { agreementObjectives, agreements } from './schema.js';

/**
 * Changes the PK date (re-resolving both parties on it), pihak kedua (an override with a reason,
 * or null to go back to the superior's holder), or the link to the higher PK. Draft/returned only.
 * Sasaran links to the old parent PK are cleared when the parent changes.
 */
export async function updateAgreement(
  ctx: TenantContext,
  id: string,
  input: UpdateAgreementInput,
): Promise<void> {
  const { row, unitPath } = await findAgreement(ctx, id, { lock: true });
  assertCan(ctx.actor, 'agreements.write', { unitPath });
  assertVersion(row, input.version);
  assertEditable(row);

  const changes: Partial<typeof agreements.$inferInsert> = {};
  const agreementDate = input.agreementDate ?? row.agreementDate;
  const { position } = await positionForAgreement(ctx, row.positionId);
  if (input.agreementDate !== undefined && input.agreementDate !== row.agreementDate) {
    assertAgreementDate(input.agreementDate, row.startYear, row.endYear);
    changes.agreementDate = input.agreementDate;
    const first = await resolveFirstParty(ctx, position, agreementDate);
    changes.firstPartyEmployeeId = first.employeeId;
    changes.firstPartyAssignmentKind = first.assignmentKind;
  }
  // A new date re-resolves pihak kedua too, unless it was chosen by hand and stays so.
  const redoSecond =
    input.secondParty !== undefined ||
    (changes.agreementDate !== undefined && row.secondPartyOverrideReason === null);
  if (redoSecond) {
    const override = input.secondParty ?? null;
    const second = await resolveSecondParty(ctx, position, row.level, agreementDate, override);
    changes.secondPartyPositionId = second?.positionId ?? null;
    changes.secondPartyEmployeeId = second?.employeeId ?? null;
    changes.secondPartyAssignmentKind = second?.assignmentKind ?? null;
    changes.secondPartyOverrideReason = second?.overrideReason ?? null;
    if (input.parentAgreementId === undefined && second?.positionId !== row.secondPartyPositionId) {
      changes.parentAgreementId = await findParentAgreement(
        ctx,
        row.yearId,
        second?.positionId ?? null,
        row.level,
      );
    }
  }
  if (input.parentAgreementId !== undefined) {
    if (input.parentAgreementId !== null) {
      const [parent] = await ctx.tx
        .select({
          id: agreements.id,
          yearId: agreements.yearId,
          level: agreements.level,
          unitId: agreements.unitId,
          positionId: agreements.positionId,
          status: agreements.status,
        })
        .from(agreements)
        .where(
          and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, input.parentAgreementId)),
        );
      if (!parent) throw notFound('PK atasan');
      if (parent.id === row.id || parent.yearId !== row.yearId) {
        throw new AppError('VALIDATION_FAILED', 'PK atasan harus PK lain pada tahun yang sama.', {
          fields: [{ path: 'parentAgreementId', message: 'PK atasan tidak sesuai' }],
        });
      }
      // The higher PK sits above this one in the organisation: the Pemda PK, a PK of a unit on
      // this PK's unit path, or pihak kedua's own PK; and it is of a higher level (so the
      // cascade can never loop). A PK of another PD cannot be chosen: the link would stop that
      // PD from deleting its PK or its sasaran (HAS_DEPENDENTS).
      const above =
        parent.unitId === null ||
        (unitPath?.includes(parent.unitId) ?? false) ||
        parent.positionId === (changes.secondPartyPositionId ?? row.secondPartyPositionId);
      if (!above || levelRank[parent.level] >= levelRank[row.level]) {
        throw new AppError(
          'VALIDATION_FAILED',
          'PK atasan harus PK pihak kedua atau PK unit di atas unit ini, dengan tingkat yang lebih tinggi.',
          { fields: [{ path: 'parentAgreementId', message: 'PK atasan tidak sesuai' }] },
        );
      }
      if (parent.status === 'superseded') {
        throw new AppError(
          'VALIDATION_FAILED',
          'PK atasan ini sudah digantikan PK Perubahan; pilih versi terbarunya.',
          { fields: [{ path: 'parentAgreementId', message: 'PK atasan sudah digantikan' }] },
        );
      }
    }
    changes.parentAgreementId = input.parentAgreementId;
  }
  if (
    changes.parentAgreementId !== undefined &&
    changes.parentAgreementId !== row.parentAgreementId
  ) {
    // Links to the old parent's sasaran no longer hold.
    await ctx.tx
      .update(agreementObjectives)
      .set({ supportsObjectiveId: null })
      .where(
        and(
          eq(agreementObjectives.tenantId, ctx.tenantId),
          eq(agreementObjectives.agreementId, id),
        ),
      );
  }
  await ctx.tx
    .update(agreements)
    .set({ ...changes, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
  await ctx.audit({
    action: 'agreement.update',
    entityType: 'agreement',
    entityId: id,
    data: {
      before: {
        agreementDate: row.agreementDate,
        firstPartyEmployeeId: row.firstPartyEmployeeId,
        secondPartyEmployeeId: row.secondPartyEmployeeId,
        secondPartyOverrideReason: row.secondPartyOverrideReason,
        parentAgreementId: row.parentAgreementId,
      },
      after: changes,
    },
  });
}
