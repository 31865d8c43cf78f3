import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../server/config.js';
import type { AgreementStatus } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { AuditAction } from '../audit/actions.js';
import { issueAgreementDocument } from '../documents/ensure-agreement-document.js';
import { voidAgreementDocument } from '../documents/void-agreement-document.js';
import { assertVersion } from '../org/units/find-unit.js';
import { actorUserId, findAgreement, statusLabel } from './agreement-common.js';
import type { TransitionAction, TransitionInput } from './agreement-schemas.js';
import { getAgreementDetail } from './get-agreement.js';
import { agreements, agreementTransitions } from './schema.js';

interface Rule {
  from: readonly AgreementStatus[];
  to: AgreementStatus;
  /** Drafting (the PD, unit-scoped) or reviewing (admin Pemda, Bappeda). */
  by: 'agreements.write' | 'agreements.review';
  audit: AuditAction;
  stamp?: 'submittedAt' | 'verifiedAt' | 'readyAt';
  label: string;
}

/** The workflow (the database allows the same moves, plus signing which is issue 4's). */
export const transitionRules: Record<TransitionAction, Rule> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    by: 'agreements.write',
    audit: 'agreement.submit',
    stamp: 'submittedAt',
    label: 'diajukan',
  },
  withdraw: {
    from: ['submitted'],
    to: 'draft',
    by: 'agreements.write',
    audit: 'agreement.withdraw',
    label: 'ditarik kembali',
  },
  return: {
    from: ['submitted', 'verified', 'ready_to_sign'],
    to: 'returned',
    by: 'agreements.review',
    audit: 'agreement.return',
    label: 'dikembalikan',
  },
  verify: {
    from: ['submitted'],
    to: 'verified',
    by: 'agreements.review',
    audit: 'agreement.verify',
    stamp: 'verifiedAt',
    label: 'diverifikasi',
  },
  mark_ready: {
    from: ['verified'],
    to: 'ready_to_sign',
    by: 'agreements.review',
    audit: 'agreement.ready',
    stamp: 'readyAt',
    label: 'ditandai siap ditandatangani',
  },
};

/**
 * Moves a PK along the workflow: checks who may, from which status, the comment of a return,
 * and on submit the quality check (blocking findings refuse with QUALITY_BLOCKED). Appends the
 * history row, stamps the time, bumps the version and audits, all in one transaction.
 *
 * Documents (decision 0013): mark_ready issues the PK's PDF in the same transaction, so a PK
 * ready to sign always has its document; returning a ready PK voids its unsigned document
 * first (a partly signed one refuses the return with PARTIALLY_SIGNED).
 */
export async function transitionAgreement(
  ctx: TenantContext,
  id: string,
  input: TransitionInput,
  config: Config,
): Promise<void> {
  const rule = transitionRules[input.action];
  const { row, unitPath } = await findAgreement(ctx, id, { lock: true });
  assertCan(ctx.actor, rule.by, rule.by === 'agreements.write' ? { unitPath } : {});
  assertVersion(row, input.version);
  if (!rule.from.includes(row.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `PK berstatus "${statusLabel(row.status)}" tidak dapat ${rule.label}.`,
      { status: row.status, action: input.action },
    );
  }
  const comment = input.comment?.trim() || null;
  if (input.action === 'return' && (comment === null || comment.length < 5)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tuliskan catatan pengembalian (minimal 5 karakter) agar penyusun tahu apa yang harus diperbaiki.',
      { fields: [{ path: 'comment', message: 'minimal 5 karakter' }] },
    );
  }
  if (input.action === 'submit') {
    const detail = await getAgreementDetail(ctx, id);
    if (detail.quality.blocking) {
      const errors = detail.quality.findings.filter((f) => f.severity === 'error');
      throw new AppError(
        'QUALITY_BLOCKED',
        `PK belum dapat diajukan: ${errors.length} temuan kualitas harus diperbaiki terlebih dahulu.`,
        { findings: detail.quality.findings },
      );
    }
  }
  if (input.action === 'return' && row.status === 'ready_to_sign') {
    await voidAgreementDocument(ctx, id, `PK dikembalikan: ${comment}`);
  }
  const now = new Date();
  await ctx.tx
    .update(agreements)
    .set({
      status: rule.to,
      ...(rule.stamp ? { [rule.stamp]: now } : {}),
      version: sql`${agreements.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
  await ctx.tx.insert(agreementTransitions).values({
    tenantId: ctx.tenantId,
    agreementId: id,
    fromStatus: row.status,
    toStatus: rule.to,
    actorUserId: actorUserId(ctx),
    comment,
  });
  await ctx.audit({
    action: rule.audit,
    entityType: 'agreement',
    entityId: id,
    data: { from: row.status, to: rule.to, comment },
  });
  if (input.action === 'mark_ready') await issueAgreementDocument(ctx, config, id);
}
