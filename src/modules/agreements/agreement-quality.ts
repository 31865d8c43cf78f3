import { and, eq, inArray } from 'drizzle-orm';
import type { AgreementLevel, QualityRule } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { indicators } from '../planning/schema.js';
import { checkQuality } from '../quality/check-quality.js';
import { checkQuarterPlan } from '../quality/quarter-plan.js';
import type { QualityFinding } from '../quality/types.js';
import type { TenantSettings } from '../tenants/settings.js';
import type { AgreementDetail } from './agreement-schemas.js';

/** A finding of a PK: the SMART rules plus the quarterly plan and the "no sasaran" check. */
export type AgreementFinding = Omit<QualityFinding, 'rule'> & {
  rule: QualityRule | 'QUARTER_PLAN' | 'NO_OBJECTIVES';
};

/**
 * The quality check of a PK's content (shown in the editor, run again on submit): the tenant's
 * severities for the SMART rules; a quarterly plan that does not add up and a PK without any
 * sasaran always block.
 */
export async function agreementQuality(
  ctx: TenantContext,
  level: AgreementLevel,
  objectives: AgreementDetail['objectives'],
  settings: TenantSettings,
): Promise<{ findings: AgreementFinding[]; blocking: boolean }> {
  const sourceIds = [
    ...new Set(
      objectives.flatMap((o) =>
        o.indicators.flatMap((i) => (i.sourceIndicatorId ? [i.sourceIndicatorId] : [])),
      ),
    ),
  ];
  const ikuChanged = new Map<string, Date | null>();
  if (sourceIds.length) {
    const rows = await ctx.tx
      .select({ id: indicators.id, ikuChangedAt: indicators.ikuChangedAt })
      .from(indicators)
      .where(and(eq(indicators.tenantId, ctx.tenantId), inArray(indicators.id, sourceIds)));
    for (const r of rows) ikuChanged.set(r.id, r.ikuChangedAt);
  }
  const findings: AgreementFinding[] = checkQuality(
    objectives.map((o) => ({
      key: o.id,
      title: o.title,
      indicators: o.indicators.map((i) => ({
        key: i.id,
        name: i.name,
        satuan: i.satuan,
        method: i.method,
        polarity: i.polarity,
        aggregation: i.aggregation,
        isIku: i.isIku,
        ikuChangedAt: i.sourceIndicatorId ? (ikuChanged.get(i.sourceIndicatorId) ?? null) : null,
        targets: i.targets.map((t) => ({ year: t.year, target: t.annual })),
        endTarget: null,
      })),
    })),
    { scope: { kind: 'agreement', level }, severity: settings.quality.severity },
  );
  if (objectives.length === 0) {
    findings.push({
      rule: 'NO_OBJECTIVES',
      severity: 'error',
      subjectKey: '',
      message: 'PK belum memiliki sasaran.',
      hint: 'Tarik sasaran dari Renstra atau tambahkan sasaran beserta indikatornya.',
    });
  }
  for (const o of objectives) {
    for (const i of o.indicators) {
      for (const t of i.targets) {
        if (t.quarters.every((q) => q === null)) continue;
        for (const p of checkQuarterPlan({
          method: i.method,
          aggregation: i.aggregation,
          annual: t.annual,
          quarters: t.quarters,
        })) {
          findings.push({
            rule: 'QUARTER_PLAN',
            severity: 'error',
            subjectKey: i.id,
            field: `targets.${t.year}.${p.field}`,
            message: p.message,
            hint: 'Sesuaikan target TW I–IV dengan target tahunan.',
          });
        }
      }
    }
  }
  return { findings, blocking: findings.some((f) => f.severity === 'error') };
}
