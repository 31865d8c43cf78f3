import { eq } from 'drizzle-orm';
import type { PlanNodeKind, QualityRule, QualitySeverity } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { checkQuality } from '../quality/check-quality.js';
import type { QualityFinding, QualityIndicatorInput } from '../quality/types.js';
import { tenants } from '../tenants/schema.js';
import { readTenantSettings } from '../tenants/settings.js';

/** The tenant's severity per quality rule (warning or blocking error). */
export async function qualitySeverity(
  ctx: TenantContext,
): Promise<Record<QualityRule, QualitySeverity>> {
  const [tenant] = await ctx.tx
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return readTenantSettings(tenant?.settings).quality.severity;
}

/**
 * The quality findings of one plan node and its indicators, split into those about the node
 * itself and those about each indicator (by indicator id).
 */
export function nodeFindings(
  node: { id: string; title: string; kind: PlanNodeKind; unitId: string | null },
  indicators: QualityIndicatorInput[],
  severity: Record<QualityRule, QualitySeverity>,
): { node: QualityFinding[]; byIndicator: Map<string, QualityFinding[]> } {
  const findings = checkQuality([{ key: node.id, title: node.title, indicators }], {
    scope: { kind: 'plan', nodeKind: node.kind, isRpjmd: node.unitId === null },
    severity,
  });
  const own: QualityFinding[] = [];
  const byIndicator = new Map<string, QualityFinding[]>();
  for (const finding of findings) {
    if (finding.subjectKey === node.id) {
      // "Sasaran without any indicator" is about sasaran; a misi, tujuan or program may
      // legitimately be measured through the sasaran under or above it.
      if (finding.rule !== 'SASARAN_WITHOUT_INDICATOR' || node.kind === 'sasaran') {
        own.push(finding);
      }
      continue;
    }
    const list = byIndicator.get(finding.subjectKey) ?? [];
    list.push(finding);
    byIndicator.set(finding.subjectKey, list);
  }
  return { node: own, byIndicator };
}
