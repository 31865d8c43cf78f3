import { and, asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { can } from '../access/policy.js';
import { users } from '../auth/schema.js';
import { documentSigners, documents } from './schema.js';

export type DocumentRow = typeof documents.$inferSelect;
export type SignerRow = typeof documentSigners.$inferSelect;

export interface ReadableDocument {
  doc: DocumentRow;
  slots: SignerRow[];
  /** The employee the signed-in account is linked to (users.employee_id), or null. */
  employeeId: string | null;
}

/** The employee this account is linked to: who it signs as. */
export async function linkedEmployeeId(ctx: TenantContext): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ employeeId: users.employeeId })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, ctx.actor.userId)));
  return row?.employeeId ?? null;
}

/**
 * Who may read a document: a PK wherever the PK is readable (documents.read), a Pakta
 * Integritas by whoever reads pacts (integrity.read); and always its own signers, whatever
 * their roles (an employee reads the pact they are asked to sign).
 */
export function mayRead(
  ctx: TenantContext,
  doc: Pick<DocumentRow, 'kind'>,
  slots: readonly Pick<SignerRow, 'employeeId'>[],
  employeeId: string | null,
): boolean {
  const byRole = can(ctx.actor, doc.kind === 'pk' ? 'documents.read' : 'integrity.read');
  return byRole || (employeeId !== null && slots.some((s) => s.employeeId === employeeId));
}

/** The next slot to sign (lowest seq still pending), or null when all are signed. */
export const nextPendingSlot = <T extends Pick<SignerRow, 'status' | 'seq'>>(slots: T[]) =>
  [...slots].sort((a, b) => a.seq - b.seq).find((s) => s.status === 'pending') ?? null;

/**
 * A document of the tenant the actor may read, with its slots. Another tenant's id (or an
 * unknown one) is 404; a document the actor may not read is 403.
 */
export async function loadReadableDocument(
  ctx: TenantContext,
  documentId: string,
): Promise<ReadableDocument> {
  const [doc] = await ctx.tx
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, documentId)));
  if (!doc) throw notFound('Dokumen');
  const slots = await ctx.tx
    .select()
    .from(documentSigners)
    .where(
      and(eq(documentSigners.tenantId, ctx.tenantId), eq(documentSigners.documentId, documentId)),
    )
    .orderBy(asc(documentSigners.seq));
  const employeeId = await linkedEmployeeId(ctx);
  if (!mayRead(ctx, doc, slots, employeeId)) {
    throw new AppError('FORBIDDEN', 'Anda tidak memiliki hak untuk membuka dokumen ini.');
  }
  return { doc, slots, employeeId };
}
