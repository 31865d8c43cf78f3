import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { diffClauses } from './clause-rules.js';
import { findClauseVersion, userNames } from './clause-versions.js';
import type { clauseVersionDetailSchema } from './integrity-schemas.js';
import { toVersionSummary } from './list-clause-versions.js';
import { integrityClauseVersions } from './schema.js';

/** One clause version with what changed since the version before it (the history view). */
export async function getClauseVersion(
  ctx: TenantContext,
  id: string,
): Promise<z.infer<typeof clauseVersionDetailSchema>> {
  assertCan(ctx.actor, 'integrity.read');
  const row = await findClauseVersion(ctx, id);
  const [previous] =
    row.version > 1
      ? await ctx.tx
          .select()
          .from(integrityClauseVersions)
          .where(
            and(
              eq(integrityClauseVersions.tenantId, ctx.tenantId),
              eq(integrityClauseVersions.version, row.version - 1),
            ),
          )
      : [];
  const names = await userNames(ctx, [row.createdBy]);
  return {
    ...toVersionSummary(row, names),
    clauses: row.clauses,
    previousVersion: previous?.version ?? null,
    diff: previous ? diffClauses(previous.clauses, row.clauses) : null,
  };
}
