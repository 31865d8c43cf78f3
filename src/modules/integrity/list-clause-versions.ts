import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { tenants } from '../tenants/schema.js';
import { type ClauseVersionRow, currentClauseVersion, userNames } from './clause-versions.js';
import type { clausesOverviewSchema, clauseVersionSummarySchema } from './integrity-schemas.js';
import { integrityClauseVersions } from './schema.js';

export function toVersionSummary(
  row: ClauseVersionRow,
  names: Map<string, string>,
): z.infer<typeof clauseVersionSummarySchema> {
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    clauseCount: row.clauses.length,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
  };
}

/** The current clauses (version 1 made first when missing) and every version, newest first. */
export async function listClauseVersions(
  ctx: TenantContext,
): Promise<z.infer<typeof clausesOverviewSchema>> {
  assertCan(ctx.actor, 'integrity.read');
  const current = await currentClauseVersion(ctx);
  const rows = await ctx.tx
    .select()
    .from(integrityClauseVersions)
    .where(eq(integrityClauseVersions.tenantId, ctx.tenantId))
    .orderBy(desc(integrityClauseVersions.version));
  const names = await userNames(
    ctx,
    rows.map((r) => r.createdBy),
  );
  const [tenant] = await ctx.tx
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return {
    current: { ...toVersionSummary(current, names), clauses: current.clauses },
    history: rows.map((r) => toVersionSummary(r, names)),
    instansi: tenant?.name ?? '',
    permissions: { update: can(ctx.actor, 'integrity.clauses') },
  };
}
