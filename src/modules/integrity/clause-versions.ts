import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { defaultClauses } from './default-clauses.js';
import { integrityClauseVersions } from './schema.js';

export type ClauseVersionRow = typeof integrityClauseVersions.$inferSelect;

/**
 * Version 1 (the standard clauses) for a tenant that has none yet. Tenants existed before this
 * feature, so it is made lazily, by whoever first reads or uses the clauses; not an act of a
 * person, hence no audit event. Two first readers at once insert the same version: the second
 * one's row is dropped by the unique (tenant, version) key.
 */
export async function ensureDefaultClauses(tx: Tx, tenantId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: integrityClauseVersions.id })
    .from(integrityClauseVersions)
    .where(eq(integrityClauseVersions.tenantId, tenantId))
    .limit(1);
  if (existing) return;
  await tx
    .insert(integrityClauseVersions)
    .values({ tenantId, version: 1, clauses: [...defaultClauses], note: 'Klausul standar' })
    .onConflictDoNothing({
      target: [integrityClauseVersions.tenantId, integrityClauseVersions.version],
    });
}

/** The tenant's current clause version (the highest), made first when there is none. */
export async function currentClauseVersion(ctx: TenantContext): Promise<ClauseVersionRow> {
  await ensureDefaultClauses(ctx.tx, ctx.tenantId);
  const [row] = await ctx.tx
    .select()
    .from(integrityClauseVersions)
    .where(eq(integrityClauseVersions.tenantId, ctx.tenantId))
    .orderBy(desc(integrityClauseVersions.version))
    .limit(1);
  if (!row) throw new Error('clause version 1 was not created');
  return row;
}

export async function findClauseVersion(ctx: TenantContext, id: string): Promise<ClauseVersionRow> {
  const [row] = await ctx.tx
    .select()
    .from(integrityClauseVersions)
    .where(
      and(eq(integrityClauseVersions.tenantId, ctx.tenantId), eq(integrityClauseVersions.id, id)),
    );
  if (!row) throw notFound('Versi klausul Pakta Integritas');
  return row;
}

/** Display names of the users who saved versions (null for the system's version 1). */
export async function userNames(
  ctx: TenantContext,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ id: string; display_name: string }>(
    ctx.tx,
    sql`select id, display_name from users
         where tenant_id = ${ctx.tenantId} and id = any(${sql.param(wanted)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
