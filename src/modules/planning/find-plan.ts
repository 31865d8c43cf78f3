import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, canWriteRenstra } from '../access/policy.js';
import { units } from '../org/schema.js';
import { indicators, planNodes, planPeriods, ratingScales } from './schema.js';

export type PeriodRow = typeof planPeriods.$inferSelect;
export type NodeRow = typeof planNodes.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

/** Unit types that keep a Renstra: the Perangkat Daerah at the top of the organisation. */
export const pdUnitTypes = [
  'sekretariat_daerah',
  'sekretariat_dprd',
  'inspektorat',
  'dinas',
  'badan',
  'kecamatan',
  'rsud',
] as const;

/**
 * Loads a period of the context's tenant; others answer 404. Locked for update when about to
 * change, or shared by a write into its plans (so that closing the period waits for writes in
 * flight, and a write that follows sees it closed).
 */
export async function findPeriod(
  ctx: TenantContext,
  id: string,
  lock: boolean | 'share' = false,
): Promise<PeriodRow> {
  const query = ctx.tx
    .select()
    .from(planPeriods)
    .where(and(eq(planPeriods.tenantId, ctx.tenantId), eq(planPeriods.id, id)));
  const [period] = lock ? await query.for(lock === 'share' ? 'share' : 'update') : await query;
  if (!period) throw notFound('Periode RPJMD');
  return period;
}

export async function findNode(ctx: TenantContext, id: string, lock = false): Promise<NodeRow> {
  const query = ctx.tx
    .select()
    .from(planNodes)
    .where(and(eq(planNodes.tenantId, ctx.tenantId), eq(planNodes.id, id)));
  const [node] = lock ? await query.for('update') : await query;
  if (!node) throw notFound('Butir rencana');
  return node;
}

export async function findIndicator(
  ctx: TenantContext,
  id: string,
  lock = false,
): Promise<IndicatorRow> {
  const query = ctx.tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.id, id)));
  const [indicator] = lock ? await query.for('update') : await query;
  if (!indicator) throw notFound('Indikator');
  return indicator;
}

export async function findScale(ctx: TenantContext, id: string, lock = false) {
  const query = ctx.tx
    .select()
    .from(ratingScales)
    .where(and(eq(ratingScales.tenantId, ctx.tenantId), eq(ratingScales.id, id)));
  const [scale] = lock ? await query.for('update') : await query;
  if (!scale) throw notFound('Skala penilaian');
  return scale;
}

/** A Perangkat Daerah (top-level, active unit of a PD type) that keeps a Renstra. */
export async function findPdUnit(ctx: TenantContext, id: string) {
  const [unit] = await ctx.tx
    .select()
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, id)));
  if (!unit) throw notFound('Unit');
  if (unit.parentId !== null || !(pdUnitTypes as readonly string[]).includes(unit.type)) {
    throw new AppError(
      'PLAN_STRUCTURE',
      `Renstra disusun per Perangkat Daerah. "${unit.name}" bukan Perangkat Daerah tingkat atas; pilih dinas, badan, kecamatan, RSUD, inspektorat, atau sekretariat.`,
      { field: 'unitId' },
    );
  }
  return unit;
}

/** The unit paths of the given unit ids, for the policy (one query). */
export async function unitPaths(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), inArray(units.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Refuses writes into a closed period: its plans are history. */
export function assertPeriodOpen(period: PeriodRow): void {
  if (period.status === 'closed') {
    throw new AppError(
      'NOT_EDITABLE',
      `Periode "${period.name}" sudah ditutup sehingga rencananya tidak dapat diubah lagi.`,
    );
  }
}

/** Whether the actor may write the tree (RPJMD when unitId is null, else that PD's Renstra). */
export async function assertCanWriteTree(ctx: TenantContext, unitId: string | null): Promise<void> {
  if (unitId === null) {
    assertCan(ctx.actor, 'plans.write');
    return;
  }
  const path = (await unitPaths(ctx, [unitId])).get(unitId);
  if (!path) throw notFound('Unit');
  if (!canWriteRenstra(ctx.actor, path)) {
    throw new AppError(
      'FORBIDDEN',
      'Anda hanya dapat mengubah Renstra Perangkat Daerah Anda sendiri.',
      { action: 'renstra.write' },
    );
  }
}

/** Loads a node for a write: tenant's, writable by the actor, in an open period, not archived. */
export async function nodeForWrite(
  ctx: TenantContext,
  id: string,
  options: { allowArchived?: boolean } = {},
): Promise<{ node: NodeRow; period: PeriodRow }> {
  const node = await findNode(ctx, id, true);
  await assertCanWriteTree(ctx, node.unitId);
  const period = await findPeriod(ctx, node.periodId, 'share');
  assertPeriodOpen(period);
  if (node.archivedAt && !options.allowArchived) {
    throw new AppError(
      'ARCHIVED',
      'Butir rencana ini sudah diarsipkan. Pulihkan terlebih dahulu untuk mengubahnya.',
    );
  }
  return { node, period };
}

export const activeNodes = (tenantId: string) =>
  and(eq(planNodes.tenantId, tenantId), isNull(planNodes.archivedAt));
