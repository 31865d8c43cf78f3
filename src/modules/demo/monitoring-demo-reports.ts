/**
 * The quarter reports of the monitoring demo: realisasi drawn around each target
 * (monitoring-demo-values.ts) with narratives in the tone of the engine's band, budget spent per
 * sub kegiatan, the capaian columns written by the monitoring module's engine path, then the
 * workflow (submitted → approved → verified, or returned) with its history, the pending unlock
 * request and the Wali Kota's supervisory notes.
 *
 * Values go in while every report is a draft (the database accepts them only then); the status
 * changes come after, as the workflow would have made them, stamped after each quarter's end.
 */
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import {
  type Capaian,
  type CapaianRules,
  formatCapaian,
  quarterCapaian,
  type RealisasiValue,
} from '../../shared/capaian/index.js';
import type { QuarterReportStatus } from '../../shared/codes.js';
import {
  addWorkingDays,
  type Quarter,
  quarterDeadline,
  quarterEnd,
} from '../agreements/revisions/quarter-deadlines.js';
import { loadIndicatorYears, recomputeIndicatorYears } from '../monitoring/indicator-years.js';
import { quarterLabel } from '../monitoring/quarter-lock.js';
import {
  budgetRealisasi,
  quarterReports,
  quarterReportTransitions,
  quarterUnlocks,
  realisasi,
  supervisoryNotes,
} from '../monitoring/schema.js';
import type { DemoOrganisation } from './kota-contoh.js';
import type { SeededPk } from './monitoring-demo-agreements.js';
import { addDays, analyze, at, bulkInsert, type DemoRefs } from './monitoring-demo-db.js';
import {
  absorbedAmount,
  absorptionPermille,
  DEMO_AWAITING_VERIFICATION,
  DEMO_LATE_PD,
  DEMO_OPEN_QUARTER_DRAFTS,
  DEMO_RETURNED_PD,
  DEMO_SPENDER_PD,
  type DemoMonitoringCalendar,
  demoNarrative,
  demoRealisasi,
  hashInt,
  hashUnit,
  performancePermille,
} from './monitoring-demo-values.js';

/** The Inspektorat's note on the returned report, and the unlock reason of the PD's head. */
export const DEMO_RETURN_NOTE =
  'Bukti dukung capaian indikator belum lengkap dan analisis kendala belum menjelaskan penyebab keterlambatan. Mohon dilengkapi.';
export const DEMO_UNLOCK_REASON =
  'Mohon dibuka kembali untuk memperbaiki laporan yang dikembalikan Inspektorat: melengkapi bukti dukung dan analisis.';

export interface ReportCounts {
  reports: number;
  realisasi: number;
  budgetRealisasi: number;
  byStatus: Partial<Record<QuarterReportStatus, number>>;
}

/** Writes the quarter reports of the seeded PKs, their values, workflow, unlock and notes. */
export async function seedQuarterReports(
  tx: Tx,
  tenantId: string,
  input: {
    org: DemoOrganisation;
    seeded: SeededPk[];
    refs: DemoRefs;
    calendar: DemoMonitoringCalendar;
    rules: CapaianRules;
    clamp: (d: Date) => Date;
  },
): Promise<ReportCounts> {
  const { org, seeded, refs, calendar, rules, clamp } = input;
  const { users } = refs;
  const years = [calendar.previousYear, calendar.year];
  const lowerDinkes = seeded.find(
    (pk) =>
      pk.year === calendar.year &&
      pk.spec.pdName === 'Dinas Kesehatan' &&
      pk.spec.level === 'eselon_iii',
  );
  const isHead = (pk: SeededPk, pdName: string) =>
    pk.spec.level === 'kepala_pd' && pk.spec.pdName === pdName;
  interface PlannedReport {
    id: string;
    pk: SeededPk;
    year: number;
    quarter: Quarter;
    /** Where the report ends up. */
    status: QuarterReportStatus;
    /** Share of indicators filled (1 = all). */
    filled: number;
  }
  const planned: PlannedReport[] = [];
  for (const pk of seeded) {
    const quartersOf: { quarter: Quarter; status: QuarterReportStatus; filled: number }[] = [];
    if (pk.year === calendar.previousYear) {
      for (const quarter of [1, 2, 3, 4] as const)
        quartersOf.push({ quarter, status: 'verified', filled: 1 });
    } else {
      for (const quarter of calendar.pastQuarters) {
        let status: QuarterReportStatus = 'verified';
        if (quarter === calendar.lastPastQuarter) {
          if (isHead(pk, DEMO_LATE_PD)) continue; // late: nothing sent
          if (isHead(pk, DEMO_RETURNED_PD)) status = 'returned';
          else if (DEMO_AWAITING_VERIFICATION.some((pd) => isHead(pk, pd))) status = 'approved';
          else if (pk === lowerDinkes) status = 'submitted';
        }
        quartersOf.push({ quarter, status, filled: 1 });
      }
      if (calendar.openQuarter && DEMO_OPEN_QUARTER_DRAFTS.some((pd) => isHead(pk, pd))) {
        quartersOf.push({ quarter: calendar.openQuarter, status: 'draft', filled: 0.6 });
      }
    }
    for (const q of quartersOf) planned.push({ id: newId(), pk, year: pk.year, ...q });
  }

  // Values: drawn per indicator, quarter by quarter, then the engine's view for the narratives.
  const reportRows: (typeof quarterReports.$inferInsert)[] = [];
  const realisasiRows: (typeof realisasi.$inferInsert)[] = [];
  const budgetRows: (typeof budgetRealisasi.$inferInsert)[] = [];
  const series = new Map<string, (RealisasiValue | null)[]>();
  const spent = new Map<string, string>();
  planned.sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  const submitterOf = (pk: SeededPk) =>
    pk.spec.pdName === 'Dinas Kesehatan' ? users.operatorDinkes : users.admin;
  const approverOf = (pk: SeededPk) =>
    pk.spec.pdName === 'Dinas Kesehatan'
      ? users.kadinkes
      : pk.spec.pdName === DEMO_RETURNED_PD
        ? users.kadisdik
        : null;
  const timeline = (r: PlannedReport) => {
    const end = quarterEnd(r.year, r.quarter);
    const submitted = addWorkingDays(
      end,
      hashInt(`sub/${r.pk.spec.key}/${r.year}/${r.quarter}`, 3, 8),
    );
    const approved = addWorkingDays(
      submitted,
      hashInt(`app/${r.pk.spec.key}/${r.year}/${r.quarter}`, 1, 2),
    );
    const verified = addWorkingDays(
      approved,
      hashInt(`ver/${r.pk.spec.key}/${r.year}/${r.quarter}`, 2, 5),
    );
    return {
      created: clamp(at(addWorkingDays(end, 1), 8, 30)),
      submitted: clamp(at(submitted, 15, hashInt(`m1/${r.id}`, 0, 59))),
      approved: clamp(at(approved, 10, hashInt(`m2/${r.id}`, 0, 59))),
      verified: clamp(at(verified, 13, hashInt(`m3/${r.id}`, 0, 59))),
    };
  };
  for (const r of planned) {
    const times = timeline(r);
    const by = submitterOf(r.pk);
    reportRows.push({
      tenantId,
      id: r.id,
      agreementId: r.pk.id,
      unitId: r.pk.spec.unitCode ? refs.unitId.get(r.pk.spec.unitCode)! : null,
      year: r.year,
      quarter: r.quarter,
      status: 'draft',
      createdAt: times.created,
      updatedAt: times.created,
    });
    const label = quarterLabel(r.year, r.quarter);
    for (const ind of r.pk.indicators) {
      if (r.filled < 1 && hashUnit(`fill/${ind.key}/${r.year}/${r.quarter}`) >= r.filled) continue;
      const target = ind.quarters[r.quarter - 1] ?? ind.annual;
      const permille = performancePermille(r.pk.spec.pdName, ind.key, r.year, r.quarter);
      const def = {
        method: ind.measure.method,
        aggregation: ind.measure.aggregation,
        satuan: ind.satuan,
      };
      const levels =
        ind.measure.scale?.map((l) => ({ code: l.code, score: String(l.score) })) ?? [];
      const value = demoRealisasi(def, target, permille, levels);
      const key = `${ind.id}:${r.year}`;
      const values = series.get(key) ?? [null, null, null, null];
      values[r.quarter - 1] = value;
      series.set(key, values);
      const view = quarterCapaian(
        ind.measure,
        {
          annualTarget: ind.annual,
          quarterTargets: [
            ind.quarters[0] ?? null,
            ind.quarters[1] ?? null,
            ind.quarters[2] ?? null,
            ind.quarters[3] ?? null,
          ],
          realisasi: [values[0] ?? null, values[1] ?? null, values[2] ?? null, values[3] ?? null],
        },
        r.quarter,
        rules,
      );
      const toDate: Capaian = view.toDate;
      const narrative = demoNarrative({
        key: `${ind.key}/${r.year}/${r.quarter}`,
        quarterLabel: label,
        satuan: ind.satuan,
        realisasi: value,
        target,
        band: toDate.assessed ? toDate.band : null,
        capaianText: formatCapaian(toDate),
      });
      realisasiRows.push({
        tenantId,
        indicatorId: ind.id,
        year: r.year,
        quarter: r.quarter,
        reportId: r.id,
        agreementId: r.pk.id,
        value: value.kind === 'number' ? value.value : null,
        code: value.kind === 'scale' ? value.code : null,
        // A draft in progress has its analysis; obstacles and follow-up come before submitting.
        ...(r.status === 'draft' ? { ...narrative, obstacles: '', followUp: '' } : narrative),
        updatedBy: by,
        updatedAt: r.status === 'draft' ? times.created : times.submitted,
      });
    }
    if (r.status === 'draft') continue;
    for (const b of r.pk.budgets) {
      const key = `${b.id}:${r.year}`;
      const before = spent.get(key) ?? '0.00';
      const amount = absorbedAmount(
        b.amount,
        absorptionPermille(r.pk.spec.pdName, b.nodeKey, r.year, r.quarter),
        before,
      );
      spent.set(key, new Decimal(before).plus(amount).toFixed(2));
      budgetRows.push({
        tenantId,
        budgetId: b.id,
        year: r.year,
        quarter: r.quarter,
        reportId: r.id,
        agreementId: r.pk.id,
        amount,
        updatedBy: by,
        updatedAt: times.submitted,
      });
    }
  }
  await bulkInsert(tx, quarterReports, reportRows);
  await analyze(tx, ['quarter_reports']);
  await bulkInsert(tx, realisasi, realisasiRows);
  await bulkInsert(tx, budgetRealisasi, budgetRows);
  await analyze(tx, ['realisasi', 'agreement_targets']);

  // Capaian columns: the monitoring module's engine path, over every PK indicator seeded.
  const indicatorYears = await loadIndicatorYears(
    tx,
    tenantId,
    sql`ai.agreement_id = any(${sql.param(seeded.map((pk) => pk.id))}::uuid[])`,
    years,
  );
  await recomputeIndicatorYears(tx, tenantId, indicatorYears.values(), rules);

  // Report workflow: draft → submitted → approved → verified (or returned), with history.
  const reportTransitions: (typeof quarterReportTransitions.$inferInsert)[] = [];
  const path: Record<QuarterReportStatus, QuarterReportStatus[]> = {
    draft: [],
    submitted: ['submitted'],
    approved: ['submitted', 'approved'],
    verified: ['submitted', 'approved', 'verified'],
    returned: ['submitted', 'approved', 'returned'],
  };
  for (const status of ['submitted', 'approved', 'verified', 'returned'] as const) {
    const moving = planned.filter((r) => path[r.status].includes(status));
    const prior: QuarterReportStatus =
      status === 'submitted' ? 'draft' : status === 'approved' ? 'submitted' : 'approved';
    const rows = moving.map((r) => {
      const times = timeline(r);
      const verifier = hashUnit(`verifier/${r.id}`) < 0.5 ? users.inspektorat : users.admin;
      const when =
        status === 'submitted'
          ? times.submitted
          : status === 'approved'
            ? times.approved
            : times.verified;
      const actor =
        status === 'submitted'
          ? submitterOf(r.pk)
          : status === 'approved'
            ? approverOf(r.pk)
            : status === 'returned'
              ? users.inspektorat
              : verifier;
      return { r, when, actor };
    });
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const ids = chunk.map((x) => x.r.id);
      const when = chunk.map((x) => x.when.toISOString());
      const actors = chunk.map((x) => x.actor);
      const byColumn =
        status === 'submitted'
          ? sql`submitted_at = v.at, submitted_by = v.actor,`
          : status === 'approved'
            ? sql`approved_at = v.at, approved_by = v.actor,`
            : status === 'verified'
              ? sql`verified_at = v.at, verified_by = v.actor,`
              : sql``;
      await tx.execute(
        sql`update quarter_reports r
               set status = ${status}, ${byColumn} version = r.version + 1, updated_at = v.at
              from (select unnest(${sql.param(ids)}::uuid[]) as id,
                           unnest(${sql.param(when)}::timestamptz[]) as at,
                           unnest(${sql.param(actors)}::uuid[]) as actor) v
             where r.tenant_id = ${tenantId} and r.id = v.id`,
      );
    }
    for (const { r, when, actor } of rows) {
      reportTransitions.push({
        tenantId,
        reportId: r.id,
        fromStatus: prior,
        toStatus: status,
        actorUserId: actor,
        note:
          status === 'returned'
            ? DEMO_RETURN_NOTE
            : status === 'approved' && !actor
              ? 'Disetujui kepala perangkat daerah (data demo).'
              : null,
        createdAt: when,
      });
    }
  }
  await bulkInsert(tx, quarterReportTransitions, reportTransitions);

  // The head of the returned PD asks the admin to reopen the locked quarter (pending).
  const returned = planned.find((r) => r.status === 'returned');
  if (returned) {
    await tx.insert(quarterUnlocks).values({
      tenantId,
      reportId: returned.id,
      reason: DEMO_UNLOCK_REASON,
      requestedBy: users.kadisdik,
      requestedAt: clamp(new Date(timeline(returned).verified.getTime() + 26 * 60 * 60 * 1000)),
    });
  }

  // Supervisory notes of the Wali Kota on three PD (the Kepala Daerah is pihak kedua of heads).
  const noteOf = (pdName: string, quarter: Quarter | null, note: string) => {
    const pd = org.units.find((u) => u.name === pdName);
    if (!pd || quarter === null) return [];
    const stamp = clamp(at(addDays(quarterDeadline(calendar.year, quarter), 7), 16, 15));
    return [
      {
        tenantId,
        unitId: refs.unitId.get(pd.code)!,
        year: calendar.year,
        quarter,
        authorUserId: users.walikota?.id ?? null,
        authorName: users.walikota?.name ?? 'Wali Kota Contoh',
        note,
        createdAt: stamp,
        updatedAt: stamp,
      },
    ];
  };
  const last = calendar.lastPastQuarter;
  const previous = last && last > 1 ? ((last - 1) as Quarter) : null;
  const notes = [
    ...noteOf(
      DEMO_SPENDER_PD,
      last,
      'Serapan anggaran sudah tinggi tetapi capaian kinerja masih rendah. Evaluasi pelaksanaan pekerjaan fisik dan laporkan rencana percepatan dalam rapat pimpinan berikutnya.',
    ),
    ...noteOf(
      DEMO_LATE_PD,
      last,
      'Laporan realisasi triwulan ini belum masuk melewati batas waktu. Segera lengkapi dan sampaikan kendalanya kepada Asisten Perekonomian dan Pembangunan.',
    ),
    ...noteOf(
      'Dinas Kesehatan',
      previous,
      'Capaian layanan kesehatan dasar baik. Pertahankan, dan perluas cakupan imunisasi di kelurahan yang masih rendah.',
    ),
  ];
  if (notes.length > 0) await tx.insert(supervisoryNotes).values(notes);

  const byStatus: ReportCounts['byStatus'] = {};
  for (const r of planned) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    reports: reportRows.length,
    realisasi: realisasiRows.length,
    budgetRealisasi: budgetRows.length,
    byStatus,
  };
}
