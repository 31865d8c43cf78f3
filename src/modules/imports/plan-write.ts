import { type SQL, sql } from 'drizzle-orm';
import { type BudgetKind, planNodeKinds } from '../../shared/codes.js';
import { targetToColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import type { PlanWrites } from './plan-analyse.js';

/**
 * Carries out an analysed RPJMD/Renstra import in the caller's transaction with a few bulk
 * statements. Each statement passes one array per column and expands them with unnest(): a
 * 5,000-row Renstra is ~30,000 database rows, and one parameter per column (instead of one per
 * value) keeps the statements small and fast on PGlite and PostgreSQL alike. Nodes are inserted
 * level by level (the shape trigger looks up each parent); updates join an unnest() of the new
 * values; targets and budgets are upserts. Nothing is ever deleted.
 */

/** Rows per statement. */
const CHUNK = 5000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One column as a single array parameter: `$n::type[]`. */
const column = <T>(rows: readonly T[], pick: (row: T) => unknown, type: string): SQL =>
  sql`${sql.param(rows.map(pick))}::${sql.raw(type)}[]`;

const unnest = (columns: SQL[]): SQL => sql`unnest(${sql.join(columns, sql`, `)})`;

export async function writePlan(
  ctx: TenantContext,
  scope: { periodId: string; unitId: string | null },
  writes: PlanWrites,
): Promise<void> {
  const { tx, tenantId } = ctx;
  // Nodes: parents first (the kinds are listed root → leaf).
  for (const kind of planNodeKinds) {
    for (const rows of chunks(writes.newNodes.filter((n) => n.kind === kind))) {
      await tx.execute(sql`
        insert into plan_nodes (tenant_id, period_id, unit_id, id, kind, parent_id, code, title,
                                supports_node_id, sort_order)
        select ${tenantId}::uuid, ${scope.periodId}::uuid, ${scope.unitId}::uuid, v.*
          from ${unnest([
            column(rows, (n) => n.id, 'uuid'),
            column(rows, (n) => n.kind, 'text'),
            column(rows, (n) => n.parentId, 'uuid'),
            column(rows, (n) => n.code, 'text'),
            column(rows, (n) => n.title, 'text'),
            column(rows, (n) => n.supportsNodeId, 'uuid'),
            column(rows, (n) => n.sortOrder, 'integer'),
          ])} as v`);
    }
  }
  for (const rows of chunks(writes.nodeUpdates)) {
    await tx.execute(sql`
      update plan_nodes p
         set title = v.title, code = v.code, parent_id = v.parent_id,
             supports_node_id = v.supports_node_id, version = p.version + 1, updated_at = now()
        from ${unnest([
          column(rows, (n) => n.id, 'uuid'),
          column(rows, (n) => n.title, 'text'),
          column(rows, (n) => n.code, 'text'),
          column(rows, (n) => n.parentId, 'uuid'),
          column(rows, (n) => n.supportsNodeId, 'uuid'),
        ])} as v(id, title, code, parent_id, supports_node_id)
       where p.tenant_id = ${tenantId} and p.id = v.id`);
  }

  const indicatorColumns = (rows: PlanWrites['newIndicators']): SQL[] => {
    const baseline = rows.map((i) => targetToColumns(i.baseline));
    const end = rows.map((i) => targetToColumns(i.endTarget));
    return [
      column(rows, (i) => i.id, 'uuid'),
      column(rows, (i) => i.nodeId, 'uuid'),
      column(rows, (i) => i.name, 'text'),
      column(rows, (i) => i.satuan, 'text'),
      column(rows, (i) => i.polarity, 'text'),
      column(rows, (i) => i.method, 'text'),
      column(rows, (i) => i.aggregation, 'text'),
      column(rows, (i) => i.scaleId, 'uuid'),
      column(rows, (i) => i.isIku, 'boolean'),
      column(rows, (i) => i.ikuChanged, 'boolean'),
      column(rows, (i) => i.baselineYear, 'integer'),
      column(baseline, (c) => c.value, 'numeric'),
      column(baseline, (c) => c.low, 'numeric'),
      column(baseline, (c) => c.high, 'numeric'),
      column(baseline, (c) => c.code, 'text'),
      column(end, (c) => c.value, 'numeric'),
      column(end, (c) => c.low, 'numeric'),
      column(end, (c) => c.high, 'numeric'),
      column(end, (c) => c.code, 'text'),
      column(rows, (i) => i.sortOrder, 'integer'),
    ];
  };
  const indicatorNames = sql.raw(`id, node_id, name, satuan, polarity, method, aggregation,
    scale_id, is_iku, iku_changed, baseline_year, bv, bl, bh, bc, ev, el, eh, ec, sort_order`);
  for (const rows of chunks(writes.newIndicators)) {
    await tx.execute(sql`
      insert into indicators (tenant_id, id, node_id, name, satuan, polarity, method, aggregation,
                              scale_id, is_iku, baseline_year, baseline_value, baseline_low,
                              baseline_high, baseline_code, end_target_value, end_target_low,
                              end_target_high, end_target_code, sort_order)
      select ${tenantId}::uuid, v.id, v.node_id, v.name, v.satuan, v.polarity, v.method,
             v.aggregation, v.scale_id, v.is_iku, v.baseline_year, v.bv, v.bl, v.bh, v.bc,
             v.ev, v.el, v.eh, v.ec, v.sort_order
        from ${unnest(indicatorColumns(rows))} as v(${indicatorNames})`);
  }
  for (const rows of chunks(writes.indicatorUpdates)) {
    await tx.execute(sql`
      update indicators i
         set name = v.name, satuan = v.satuan, polarity = v.polarity, method = v.method,
             aggregation = v.aggregation, scale_id = v.scale_id, is_iku = v.is_iku,
             iku_changed_at = case when v.iku_changed then now() else i.iku_changed_at end,
             baseline_year = v.baseline_year, baseline_value = v.bv, baseline_low = v.bl,
             baseline_high = v.bh, baseline_code = v.bc, end_target_value = v.ev,
             end_target_low = v.el, end_target_high = v.eh, end_target_code = v.ec,
             version = i.version + 1, updated_at = now()
        from ${unnest(indicatorColumns(rows))} as v(${indicatorNames})
       where i.tenant_id = ${tenantId} and i.id = v.id`);
  }

  for (const rows of chunks(writes.targets)) {
    const c = rows.map((t) => targetToColumns(t.target));
    await tx.execute(sql`
      insert into indicator_targets (tenant_id, indicator_id, year, target_value, target_low,
                                     target_high, target_code)
      select ${tenantId}::uuid, v.*
        from ${unnest([
          column(rows, (t) => t.indicatorId, 'uuid'),
          column(rows, (t) => t.year, 'integer'),
          column(c, (x) => x.value, 'numeric'),
          column(c, (x) => x.low, 'numeric'),
          column(c, (x) => x.high, 'numeric'),
          column(c, (x) => x.code, 'text'),
        ])} as v
      on conflict (tenant_id, indicator_id, year) do update
         set target_value = excluded.target_value, target_low = excluded.target_low,
             target_high = excluded.target_high, target_code = excluded.target_code`);
  }
  await upsertBudgets(
    ctx,
    writes.pagu.map((p) => ({ ...p, kind: 'pagu_indikatif' as const })),
  );
}

export async function upsertBudgets(
  ctx: TenantContext,
  lines: readonly { nodeId: string; year: number; kind: BudgetKind; amount: string }[],
): Promise<void> {
  for (const rows of chunks(lines)) {
    await ctx.tx.execute(sql`
      insert into budget_lines (tenant_id, node_id, year, kind, amount)
      select ${ctx.tenantId}::uuid, v.*
        from ${unnest([
          column(rows, (b) => b.nodeId, 'uuid'),
          column(rows, (b) => b.year, 'integer'),
          column(rows, (b) => b.kind, 'text'),
          column(rows, (b) => b.amount, 'numeric'),
        ])} as v
      on conflict (tenant_id, node_id, year, kind) do update
         set amount = excluded.amount, updated_at = now()`);
  }
}
