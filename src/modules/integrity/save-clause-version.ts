import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { actorUserId } from '../agreements/agreement-common.js';
import { checkClauses, diffClauses } from './clause-rules.js';
import { currentClauseVersion } from './clause-versions.js';
import type { SaveClausesInput } from './integrity-schemas.js';
import { integrityClauseVersions } from './schema.js';

/**
 * Saves the clauses as a new version (current + 1). Earlier versions stay as they were, and a
 * pact keeps the text it was made with, so nothing already made or signed changes. Saving the
 * same list again is refused rather than making an empty version.
 */
export async function saveClauseVersion(
  ctx: TenantContext,
  input: SaveClausesInput,
): Promise<string> {
  assertCan(ctx.actor, 'integrity.clauses');
  const { clauses, problems } = checkClauses(input.clauses);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Klausul belum dapat disimpan: ${problems
        .map((p) => (p.index === null ? p.message : `nomor ${p.index + 1}: ${p.message}`))
        .join(' ')}`,
      {
        fields: problems.map((p) => ({
          path: p.index === null ? 'clauses' : `clauses.${p.index}`,
          message: p.message,
        })),
      },
    );
  }
  const current = await currentClauseVersion(ctx);
  if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
    throw new AppError(
      'VERSION_CONFLICT',
      `Klausul sudah disimpan orang lain sebagai versi ${current.version} sejak Anda mulai mengubah. Muat ulang halaman, lalu ulangi perubahan Anda.`,
      { currentVersion: current.version },
    );
  }
  const diff = diffClauses(current.clauses, clauses);
  if (
    diff.counts.unchanged === clauses.length &&
    diff.counts.removed === 0 &&
    diff.counts.moved === 0
  ) {
    throw new AppError(
      'CONFLICT',
      `Klausul sama dengan versi ${current.version} yang berlaku; tidak ada yang perlu disimpan.`,
    );
  }
  const note = input.note?.trim() || null;
  const [row] = await ctx.tx
    .insert(integrityClauseVersions)
    .values({
      tenantId: ctx.tenantId,
      version: current.version + 1,
      clauses,
      note,
      createdBy: actorUserId(ctx),
    })
    .returning({ id: integrityClauseVersions.id, version: integrityClauseVersions.version });
  if (!row) throw new Error('insert returned no row');
  await ctx.audit({
    action: 'integrity_clauses.update',
    entityType: 'integrity_clause_version',
    entityId: row.id,
    data: {
      version: row.version,
      previousVersion: current.version,
      clauseCount: clauses.length,
      note,
      changes: diff.counts,
    },
  });
  return row.id;
}
