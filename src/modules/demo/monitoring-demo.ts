/**
 * Demo data for issue 5 (quarterly monitoring): Kota Contoh's PKs of last year and this year,
 * signed on paper before Amanah and archived, with their realisasi, narratives and budget
 * realisation, verified quarter by quarter, so dashboards have figures and Tugas Saya has work.
 *
 * The year Y and its quarters come from today in the Pemda's zone (`demoMonitoringCalendar`):
 * every quarter of Y − 1 and the quarters of Y past their deadline are filled; the open quarter
 * is left to the browser journey (Dinas Kesehatan's head PK has no report for it) apart from a
 * few drafts. The story of the last past quarter: one PD late (no report), one report returned
 * by the Inspektorat with a pending unlock request to fix it, a few reports approved and waiting
 * for verification, one submitted and waiting for the head's approval, and notes of the Wali Kota.
 *
 * Pieces: monitoring-demo-pks.ts (which PKs, pure), monitoring-demo-values.ts (the story and the
 * figures, pure), monitoring-demo-agreements.ts and monitoring-demo-reports.ts (the writes),
 * monitoring-demo-db.ts (bulk inserts, ids). The capaian columns are written by the monitoring
 * module's engine path (loadIndicatorYears + recomputeIndicatorYears).
 *
 * Runs in the caller's transaction AS THE OWNER (`withSystem`, as the demo seed may: decision
 * 0003), because it refreshes the statistics of the tables it fills as it goes. Runs once: when
 * the tenant already has a PK year Y − 1 or Y, or no active RPJMD, it does nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rulesFromSettings } from '../../shared/capaian/index.js';
import { agreementYears } from '../agreements/schema.js';
import { planPeriods } from '../planning/schema.js';
import { tenants } from '../tenants/schema.js';
import { readTenantSettings } from '../tenants/settings.js';
import type { DemoOrganisation } from './kota-contoh.js';
import { seedSignedAgreements } from './monitoring-demo-agreements.js';
import { loadDemoRefs } from './monitoring-demo-db.js';
import { type ReportCounts, seedQuarterReports } from './monitoring-demo-reports.js';
import { type DemoMonitoringCalendar, demoMonitoringCalendar } from './monitoring-demo-values.js';
import { buildPlanningDemo, type PlanningDemo } from './planning-demo.js';

export { demoPkDates, IMPORTED_SIGNED_NOTE } from './monitoring-demo-agreements.js';
export { DEMO_RETURN_NOTE, DEMO_UNLOCK_REASON } from './monitoring-demo-reports.js';

export interface MonitoringDemoSummary extends ReportCounts {
  /** False when the tenant already had these PK years (nothing written). */
  seeded: boolean;
  calendar: DemoMonitoringCalendar;
  agreements: number;
}

/**
 * Seeds the monitoring demo of the demo tenant (after its organisation, users and planning
 * demo). `today` (tenant zone) and `now` come from src/server/clock.ts.
 */
export async function seedMonitoringDemo(
  tx: Tx,
  tenantId: string,
  org: DemoOrganisation,
  options: { today: string; now: Date; planning?: PlanningDemo },
): Promise<MonitoringDemoSummary> {
  const [tenant] = await tx
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const settings = readTenantSettings(tenant?.settings);
  const calendar = demoMonitoringCalendar(options.today, settings.monitoring.deadlineWorkingDays);
  const summary: MonitoringDemoSummary = {
    seeded: false,
    calendar,
    agreements: 0,
    reports: 0,
    realisasi: 0,
    budgetRealisasi: 0,
    byStatus: {},
  };
  const existing = await tx
    .select({ year: agreementYears.year })
    .from(agreementYears)
    .where(
      and(
        eq(agreementYears.tenantId, tenantId),
        inArray(agreementYears.year, [calendar.previousYear, calendar.year]),
      ),
    );
  if (existing.length > 0) return summary;
  const [period] = await tx
    .select({ id: planPeriods.id })
    .from(planPeriods)
    .where(and(eq(planPeriods.tenantId, tenantId), eq(planPeriods.status, 'active')));
  if (!period) return summary; // no planning demo: nothing to monitor

  const demo = options.planning ?? buildPlanningDemo(org);
  const refs = await loadDemoRefs(tx, tenantId, period.id, demo);
  // Nothing is stamped later than a little before now.
  const latest = new Date(options.now.getTime() - 60 * 60 * 1000);
  const clamp = (d: Date) => (d.getTime() > latest.getTime() ? latest : d);
  const seeded = await seedSignedAgreements(tx, tenantId, {
    org,
    demo,
    refs,
    periodId: period.id,
    calendar,
    clamp,
  });
  const counts = await seedQuarterReports(tx, tenantId, {
    org,
    seeded,
    refs,
    calendar,
    rules: rulesFromSettings(settings.monitoring),
    clamp,
  });
  return { ...summary, ...counts, seeded: true, agreements: seeded.length };
}
