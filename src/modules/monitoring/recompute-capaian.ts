import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { type CapaianRules, rulesFromSettings } from '../../shared/capaian/index.js';
import { readTenantSettings } from '../tenants/settings.js';
import { loadIndicatorYears, recomputeIndicatorYears } from './indicator-years.js';

export interface RecomputeScope {
  /** Only these PKs (default: every PK with realisasi). */
  agreementIds?: readonly string[];
  /** Only these years (default: every year with realisasi). */
  years?: readonly number[];
  /** The rules to apply (default: the tenant's stored settings.monitoring). */
  rules?: CapaianRules;
}

/**
 * Recomputes with the capaian engine every stored capaian (capaian_quarter, _to_date, _annual,
 * band) of a tenant's realisasi, or of some PKs / years: set-based (three reads per batch of
 * PKs, multi-row updates that touch only rows whose figures change). Called when the tenant's
 * monitoring rules change (update-tenant, same transaction), and by seeders after bulk inserts
 * of values. Only capaian columns change, so reports in any status are recomputed.
 * Returns the number of realisasi rows examined.
 */
export async function recomputeCapaian(
  db: Queryable,
  tenantId: string,
  scope: RecomputeScope = {},
): Promise<number> {
  let rules = scope.rules;
  if (!rules) {
    const [row] = await queryRows<{ settings: unknown }>(
      db,
      sql`select settings from tenants where id = ${tenantId}`,
    );
    rules = rulesFromSettings(readTenantSettings(row?.settings).monitoring);
  }
  const agreementFilter: SQL = scope.agreementIds
    ? sql`and r.agreement_id = any(${sql.param([...scope.agreementIds])}::uuid[])`
    : sql``;
  const yearFilter: SQL = scope.years
    ? sql`and r.year = any(${sql.param([...scope.years])}::int[])`
    : sql``;
  const pairs = await queryRows<{ agreement_id: string; year: number }>(
    db,
    sql`select distinct r.agreement_id, r.year from realisasi r
         where r.tenant_id = ${tenantId} ${agreementFilter} ${yearFilter}
         order by r.agreement_id, r.year`,
  );
  let examined = 0;
  // Batches of 200 PKs keep each read and update small whatever the tenant's size.
  for (let start = 0; start < pairs.length; start += 200) {
    const batch = pairs.slice(start, start + 200);
    const agreementIds = [...new Set(batch.map((p) => p.agreement_id))];
    const years = [...new Set(batch.map((p) => Number(p.year)))];
    const loaded = await loadIndicatorYears(
      db,
      tenantId,
      sql`ai.agreement_id = any(${sql.param(agreementIds)}::uuid[])`,
      years,
    );
    const items = [...loaded.values()].filter((iy) => iy.hasRow.some(Boolean));
    examined += items.reduce((n, iy) => n + iy.hasRow.filter(Boolean).length, 0);
    await recomputeIndicatorYears(db, tenantId, items, rules);
  }
  return examined;
}
