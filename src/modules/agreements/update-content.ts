import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TargetValue } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { assertVersion } from '../org/units/find-unit.js';
import { type AgreementRow, assertEditable, findAgreement } from './agreement-common.js';
import type { AgreementContentInput } from './agreement-schemas.js';
import type { AgreementContent } from './content-validation.js';
import { validateContent } from './content-validation.js';
import { findParentAgreement } from './create-agreement.js';
import { pullFromPlan } from './pull-from-plan.js';
import { readAgreementTargets } from './read-targets.js';
import { assertPastQuartersUnchanged } from './revisions/past-quarter-lock.js';
import { lockedQuarters } from './revisions/quarter-deadlines.js';
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
          row.level,
        );
        if (parentAgreementId) {
          await ctx.tx
            .update(agreements)
            .set({ parentAgreementId })
            .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
          current = { ...row, parentAgreementId };
        }
      }
      const pulled = await pullFromPlan(ctx, current);
      return row.revisionNo > 0
        ? keepRevisionTargets(ctx, row, pulled, todayIn(ctx.actor.timeZone))
        : pulled;
    },
    'plan',
  );
}

/**
 * A fresh pull into a PK Perubahan keeps what the plan does not hold: the TW I–IV targets the
 * revision already has, and the annual target of a year whose four quarters are all past their
 * realisasi deadline (the past-quarter lock refuses changing those). Without it a pull would
 * drop every quarterly target — refused by the lock once a quarter is past, silently lost
 * before. Indicators are matched by id (the pull keeps the ids of indicators with the same
 * plan source).
 */
async function keepRevisionTargets(
  ctx: TenantContext,
  row: AgreementRow,
  content: AgreementContent,
  today: string,
): Promise<AgreementContent> {
  const current = new Map<string, (TargetValue | null)[]>();
  for (const r of await readAgreementTargets(ctx.tx, ctx.tenantId, { agreementId: row.id })) {
    const key = `${r.indicatorId}:${r.year}`;
    const slots = current.get(key) ?? [null, null, null, null, null];
    slots[r.quarter] = r.target;
    current.set(key, slots);
  }
  return {
    ...content,
    objectives: content.objectives.map((o) => ({
      ...o,
      indicators: o.indicators.map((i) => {
        if (!i.id) return i;
        const id = i.id;
        return {
          ...i,
          targets: i.targets.map((t) => {
            const slots = current.get(`${id}:${t.year}`);
            if (!slots) return t;
            const quarterly = slots.slice(1, 5);
            const yearLocked = lockedQuarters(t.year, today).length === 4;
            return {
              year: t.year,
              annual: yearLocked ? (slots[0] ?? null) : t.annual,
              quarters: quarterly.some((q) => q !== null) ? quarterly : t.quarters,
            };
          }),
        };
      }),
    })),
  };
}
