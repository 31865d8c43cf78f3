import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { units } from '../schema.js';

export type UnitRow = typeof units.$inferSelect;

/** Loads a unit of the context's tenant; another tenant's id answers 404 like a missing one. */
export async function findUnit(ctx: TenantContext, id: string): Promise<UnitRow> {
  const [unit] = await ctx.tx
    .select()
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, id)));
  if (!unit) throw notFound('Unit');
  return unit;
}

export function assertVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) {
    throw new AppError(
      'VERSION_CONFLICT',
      'Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang untuk melihat versi terbaru, lalu ulangi perubahan Anda.',
      { currentVersion: current.version },
    );
  }
}

export function assertNotArchived(row: { archivedAt: Date | null }, what: string): void {
  if (row.archivedAt) {
    throw new AppError(
      'ARCHIVED',
      `${what} sudah diarsipkan. Pulihkan terlebih dahulu untuk mengubahnya.`,
    );
  }
}
