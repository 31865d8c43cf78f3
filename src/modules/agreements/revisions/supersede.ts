import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { agreements, agreementTransitions } from '../schema.js';

export interface Superseded {
  /** The version that is now superseded. */
  previousId: string;
  /** Its status before (signed or published). */
  fromStatus: 'signed' | 'published';
}

/**
 * When a PK Perubahan becomes signed, the version it revises goes signed/published →
 * superseded (supersededAt set, a transition row written); it stays readable, and the database
 * keeps it frozen. Issue 4 calls this inside the signing transaction, right after marking the
 * revision signed, and records the result in its own audit event (this function has no actor
 * of its own to audit with; `actorUserId` lands in the transition history).
 *
 * Returns null for an original PK (nothing to supersede) or when the previous version is
 * already superseded (idempotent).
 */
export async function supersedePrevious(
  tx: Tx,
  tenantId: string,
  revisionId: string,
  actorUserId: string | null = null,
): Promise<Superseded | null> {
  const [revision] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, revisionId)));
  if (!revision) throw new AppError('NOT_FOUND', 'Perjanjian Kinerja tidak ditemukan.');
  if (!revision.previousId) return null;
  if (revision.status !== 'signed' && revision.status !== 'published') {
    throw new AppError(
      'INVALID_TRANSITION',
      'Versi sebelumnya baru digantikan setelah PK Perubahan ditandatangani.',
      { status: revision.status },
    );
  }
  const [previous] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, revision.previousId)))
    .for('update');
  if (!previous) throw new Error(`previous version ${revision.previousId} missing`);
  if (previous.status === 'superseded') return null;
  if (previous.status !== 'signed' && previous.status !== 'published') {
    throw new AppError(
      'INVALID_TRANSITION',
      `Versi sebelumnya berstatus ${previous.status} sehingga tidak dapat digantikan.`,
      { status: previous.status },
    );
  }
  await tx
    .update(agreements)
    .set({
      status: 'superseded',
      supersededAt: sql`now()`,
      version: sql`${agreements.version} + 1`,
    })
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, previous.id)));
  await tx.insert(agreementTransitions).values({
    tenantId,
    agreementId: previous.id,
    fromStatus: previous.status,
    toStatus: 'superseded',
    actorUserId,
    comment: `Digantikan oleh PK Perubahan ${revision.revisionNo}.`,
  });
  return { previousId: previous.id, fromStatus: previous.status };
}
