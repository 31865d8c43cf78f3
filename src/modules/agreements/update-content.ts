import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { assertVersion } from '../org/units/find-unit.js';
import { assertEditable, findAgreement } from './agreement-common.js';
import type { AgreementContentInput } from './agreement-schemas.js';
import type { AgreementContent } from './content-validation.js';
import { validateContent } from './content-validation.js';
import { findParentAgreement } from './create-agreement.js';
import { pullFromPlan } from './pull-from-plan.js';
import { assertPastQuartersUnchanged } from './revisions/past-quarter-lock.js';
import { agreements } from './schema.js';
import { writeContent } from './write-content.js';

async function replaceContent(
  ctx: TenantContext,
  id: string,
  version: number,
  build: (row: Awaited<ReturnType<typeof findAgreement>>['row']) => Promise<AgreementContent>,
  source: 'editor' | 'plan',
): Promise<void> {
  const { row, unitPath } = await findAgreement(ctx, id, { lock: true });
  assertCan(ctx.actor, 'agreements.write', { unitPath });
  assertVersion(row, version);
  assertEditable(row);
  const content = await build(row);
  const counts = await writeContent(ctx, id, content);
  await ctx.tx
    .update(agreements)
    .set({ version: sql`${agreements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
  if (row.revisionNo > 0) {
    // A PK Perubahan may not rewrite the targets of quarters already past their realisasi
    // deadline; throws (and so rolls the write back) naming each changed quarter.
    await assertPastQuartersUnchanged(ctx, id, todayIn(ctx.actor.timeZone));
  }
  await ctx.audit({
    action: 'agreement.update',
    entityType: 'agreement',
    entityId: id,
    data: { content: source, ...counts },
  });
}

/** Replaces a PK's content from the editor, after checking every field (draft/returned only). */
export async function updateAgreementContent(
  ctx: TenantContext,
  id: string,
  input: AgreementContentInput,
): Promise<void> {
  const { version, ...content } = input;
  await replaceContent(ctx, id, version, (row) => validateContent(ctx, row, content), 'editor');
}

/** Replaces a PK's content with a fresh pull from the Renstra/DPA (draft/returned only). */
export async function repullAgreement(ctx: TenantContext, id: string, version: number) {
  await replaceContent(
    ctx,
    id,
    version,
    async (row) => {
      if (row.planPeriodId === null) {
        throw new AppError(
          'PLAN_STRUCTURE',
          `Belum ada periode RPJMD yang mencakup tahun ${row.startYear}. Susun RPJMD dan Renstra di menu Perencanaan terlebih dahulu.`,
        );
      }
      // The higher PK may have been drafted after this one: link it now, so the pulled sasaran
      // find the sasaran they support.
      let current = row;
      if (row.parentAgreementId === null && row.secondPartyPositionId !== null) {
        const parentAgreementId = await findParentAgreement(
          ctx,
          row.yearId,
          row.secondPartyPositionId,
        );
        if (parentAgreementId) {
          await ctx.tx
            .update(agreements)
            .set({ parentAgreementId })
            .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
          current = { ...row, parentAgreementId };
        }
      }
      return pullFromPlan(ctx, current);
    },
    'plan',
  );
}
