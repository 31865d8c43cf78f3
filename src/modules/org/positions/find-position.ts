import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { positions, units } from '../schema.js';

export type PositionRow = typeof positions.$inferSelect;

/** A position of the tenant with the path of its unit (null for the Kepala Daerah). */
export async function findPosition(
  ctx: TenantContext,
  id: string,
): Promise<PositionRow & { unitPath: string[] | null; unitName: string | null }> {
  const [row] = await ctx.tx
    .select({ p: positions, unitPath: units.path, unitName: units.name })
    .from(positions)
    .leftJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
    .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)));
  if (!row) throw notFound('Jabatan');
  return { ...row.p, unitPath: row.unitPath, unitName: row.unitName };
}
