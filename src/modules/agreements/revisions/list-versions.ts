import { and, asc, eq } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { agreementPermissions, assertCan } from '../../access/policy.js';
import { findAgreement } from '../agreement-common.js';
import { agreements } from '../schema.js';

/** Every version of a PK (original and each PK Perubahan), oldest first. */
export async function listVersions(ctx: TenantContext, id: string) {
  const { row, unitPath } = await findAgreement(ctx, id);
  assertCan(ctx.actor, 'agreements.read', { unitPath });
  const rows = await ctx.tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.rootId, row.rootId)))
    .orderBy(asc(agreements.revisionNo));
  const latestNo = Math.max(...rows.map((r) => r.revisionNo));
  const open = rows.find(
    (r) => r.status !== 'signed' && r.status !== 'published' && r.status !== 'superseded',
  );
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    rootId: row.rootId,
    items: rows.map((r) => ({
      id: r.id,
      revisionNo: r.revisionNo,
      status: r.status,
      reason: r.revisionReason,
      note: r.revisionNote,
      previousId: r.previousId,
      agreementDate: r.agreementDate,
      createdAt: r.createdAt.toISOString(),
      signedAt: iso(r.signedAt),
      publishedAt: iso(r.publishedAt),
      supersededAt: iso(r.supersededAt),
      latest: r.revisionNo === latestNo,
      version: r.version,
      permissions: {
        revise:
          r.revisionNo === latestNo &&
          agreementPermissions(ctx.actor, {
            unitPath,
            status: r.status,
            hasOpenRevision: open !== undefined && open.id !== r.id,
          }).revise,
      },
    })),
  };
}
