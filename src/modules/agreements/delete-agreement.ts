import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { assertVersion } from '../org/units/find-unit.js';
import { findAgreement, statusLabel } from './agreement-common.js';
import { agreements } from './schema.js';

/**
 * Deletes a draft PK with its content and history. Refused when a lower PK's sasaran support
 * this PK's sasaran (HAS_DEPENDENTS) or the PK left the draft status.
 */
export async function deleteAgreement(ctx: TenantContext, id: string, version: number) {
  const { row, unitPath } = await findAgreement(ctx, id, { lock: true });
  assertCan(ctx.actor, 'agreements.write', { unitPath });
  assertVersion(row, version);
  if (row.status !== 'draft') {
    throw new AppError(
      'NOT_EDITABLE',
      `Hanya PK berstatus draf yang dapat dihapus; PK ini berstatus "${statusLabel(row.status)}".`,
    );
  }
  const [child] = await ctx.tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.parentAgreementId, id)))
    .limit(1);
  if (child) {
    throw new AppError(
      'HAS_DEPENDENTS',
      'PK ini menjadi PK atasan bagi PK lain. Hapus atau lepaskan PK bawahan terlebih dahulu.',
      { agreementId: child.id },
    );
  }
  await ctx.tx
    .delete(agreements)
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
  await ctx.audit({
    action: 'agreement.delete',
    entityType: 'agreement',
    entityId: id,
    data: { year: row.startYear, level: row.level, positionId: row.positionId },
  });
}
