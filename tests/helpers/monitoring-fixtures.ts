import { and, eq, inArray } from 'drizzle-orm';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { agreementIndicators } from '../../src/modules/agreements/schema.js';
import { users } from '../../src/modules/auth/schema.js';
import type { ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import { setClockForTests } from '../../src/server/clock.js';
import { type AgreementFixture, createAgreementFixture } from './agreement-fixtures.js';
import { markSignedForTest } from './agreements.js';
import { type ApiClient, signIn } from './client.js';
import { createTestUser, TEST_PASSWORD, uniqueName } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Quarterly monitoring fixture (issue 5), on top of createAgreementFixture (read its comment for
 * the organisation). Two SIGNED PKs of year 2026 with content written through the PK API:
 *
 *   pks.dinkes — Kepala Dinas Kesehatan (unit dinkes, pihak kedua Wali Kota):
 *     sasaran "Meningkatnya mutu layanan kesehatan"
 *       accredited  "Persentase fasilitas kesehatan terakreditasi" %, ratio, last, IKU,
 *                   annual 80, TW 65 / 70 / 75 / 80
 *       maternal    "Angka kematian ibu" per 100.000 KH, negative, inverse_difference, last,
 *                   annual 90, TW 90 / 90 / 90 / 90
 *       referrals   "Jumlah rujukan tertangani" kasus, ratio, cumulative, annual 120, TW 30 × 4
 *     sasaran "Meningkatnya akuntabilitas kinerja dan keuangan"
 *       audit       "Opini BPK atas laporan keuangan", scale (WTP 4 > WDP 3 > TW 2 > TMP 1), last,
 *                   annual WTP, TW WTP × 4
 *       growth      "Pertumbuhan kunjungan puskesmas" %, ratio, last, allowNegative = true,
 *                   annual 5, TW 2 / 3 / 4 / 5
 *     budgets  sub1 1.02.02.2.01.0001 Pembangunan Puskesmas     100000000.00
 *              sub2 1.02.02.2.01.0002 Pengadaan Alat Kesehatan   50000000.00
 *   pks.disdik — Kepala Dinas Pendidikan (unit disdik, pihak kedua Wali Kota):
 *     sasaran "Meningkatnya mutu pendidikan"
 *       schools     "Persentase sekolah terakreditasi A" %, ratio, last, IKU, annual 60, TW 45/50/55/60
 *       graduates   "Jumlah lulusan program kesetaraan" orang, ratio, cumulative, annual 200, TW 50 × 4
 *     budgets  sub   1.01.02.2.01.0001 Pembangunan Ruang Kelas     80000000.00
 *
 * Users (password TEST_PASSWORD): admin (admin_pemda), operatorDinkes / operatorDisdik
 * (operator_unit of their PD), kadinkes (pimpinan_unit of Dinkes, linked to the Kepala Dinas
 * employee), kadisdik (pimpinan_unit of Disdik), kabid (pimpinan_unit of Bidang Yankes),
 * walikota (kepala_daerah), evaluator (Inspektorat, tenant-wide), viewer, perencana.
 *
 * Time: monitoring reads the clock of src/server/clock.ts. Put "today" where the test needs it
 * with `setToday('2026-04-06')` (noon in Jakarta) and ALWAYS `resetClock()` after (afterEach).
 * Deadlines of 2026 with the default 10 working days: TW I 2026-04-14, TW II 2026-07-14,
 * TW III 2026-10-14, TW IV 2027-01-14 (see `dates`).
 *
 *   const m = await createMonitoringFixture(t);
 *   setToday(dates.tw1Open);
 *   const report = await openReport(m.clients.operatorDinkes, m.pks.dinkes.id, 2026, 1);
 *   await saveValues(m.clients.operatorDinkes, report, [{ indicatorId: m.indicators.dinkes.accredited, value: '70,5' }]);
 */
export interface MonitoringFixture extends AgreementFixture {
  /** The fixture's monitoring users (usernames); `users` keeps those of createAgreementFixture. */
  monitoringUsers: {
    admin: string;
    operatorDinkes: string;
    operatorDisdik: string;
    kadinkes: string;
    kadisdik: string;
    kabid: string;
    walikota: string;
    evaluator: string;
    viewer: string;
    perencana: string;
  };
  /** Signed-in API clients of those users. */
  clients: {
    admin: ApiClient;
    operatorDinkes: ApiClient;
    operatorDisdik: ApiClient;
    kadinkes: ApiClient;
    kadisdik: ApiClient;
    evaluator: ApiClient;
    walikota: ApiClient;
    viewer: ApiClient;
  };
  pks: { dinkes: AgreementDetail; disdik: AgreementDetail };
  indicators: AgreementFixture['indicators'] & {
    dinkes: {
      accredited: string;
      maternal: string;
      referrals: string;
      audit: string;
      growth: string;
    };
    disdik: { schools: string; graduates: string };
  };
  budgets: { dinkes: { sub1: string; sub2: string }; disdik: { sub: string } };
}

/** Dates of 2026 around the quarter deadlines (default 10 working days after each quarter). */
export const dates = {
  /** Before TW I has begun (the year before). */
  beforeYear: '2025-12-15',
  tw1Open: '2026-02-10',
  /** TW I's deadline day: still open. */
  tw1Deadline: '2026-04-14',
  /** The day after TW I's deadline: TW I locked, TW II open. */
  tw1Locked: '2026-04-15',
  tw2Open: '2026-05-20',
  tw2Deadline: '2026-07-14',
  tw2Locked: '2026-07-15',
  tw3Open: '2026-08-20',
  tw4Open: '2026-11-20',
  /** Every quarter of 2026 locked. */
  yearLocked: '2027-02-01',
} as const;

/** Places monitoring's "today" at noon (Jakarta) of an ISO date, or at an exact moment. */
export function setToday(day: string | Date): void {
  setClockForTests(typeof day === 'string' ? new Date(`${day}T05:00:00.000Z`) : day);
}

/** Back to the real clock: call in afterEach of every test that used setToday. */
export function resetClock(): void {
  setClockForTests(null);
}

async function userWith(
  t: TestApp,
  tenantId: string,
  grants: Parameters<typeof createTestUser>[2],
  prefix: string,
  employeeId?: string,
): Promise<string> {
  const username = await createTestUser(t.database, tenantId, grants, uniqueName(`${prefix}.`));
  if (employeeId) {
    await t.database.withSystem((tx) =>
      tx.update(users).set({ employeeId }).where(eq(users.username, username)),
    );
  }
  return username;
}

/** PK content as the content API takes it (objectives with indicators and targets, budgets). */
export interface ContentSpec {
  objectives: {
    title: string;
    indicators: {
      key: string;
      name: string;
      satuan: string;
      polarity?: 'positive' | 'negative';
      method: 'ratio' | 'inverse_difference' | 'inverse_ratio' | 'range' | 'scale';
      aggregation: 'cumulative' | 'last' | 'average';
      isIku?: boolean;
      scaleId?: string;
      allowNegative?: boolean;
      annual: string;
      quarters: [string, string, string, string];
    }[];
  }[];
  budgets: {
    key: string;
    /** Sub kegiatan code (program and kegiatan codes are its prefixes). */
    code: string;
    name: string;
    amount: string;
    programName?: string;
    kegiatanName?: string;
  }[];
}

const targetOf = (method: string, value: string) =>
  method === 'scale' ? { kind: 'scale', code: value } : { kind: 'number', value };

/**
 * Drafts a PK for `positionId` with exactly `content` (no pull from the plan), takes it through
 * submit → verify → mark_ready as the admin, and marks it signed. Returns the PK and the ids of
 * its indicators and budget rows by the spec's keys. Reusable for more PKs in any test.
 */
export async function signedAgreement(
  t: TestApp,
  f: AgreementFixture,
  admin: ApiClient,
  positionId: string,
  content: ContentSpec,
  year = f.year,
): Promise<{
  pk: AgreementDetail;
  indicators: Record<string, string>;
  budgets: Record<string, string>;
}> {
  const created = await admin.post<AgreementDetail>('/api/agreements', {
    yearId: f.yearId,
    positionId,
    agreementDate: `${year}-01-05`,
    pullFromPlan: false,
  });
  if (created.status !== 201) throw new Error(`create PK: ${JSON.stringify(created.body)}`);
  const specs = content.objectives.flatMap((o) => o.indicators);
  const put = await admin.put<AgreementDetail>(`/api/agreements/${created.body.id}/content`, {
    version: created.body.version,
    objectives: content.objectives.map((o) => ({
      title: o.title,
      indicators: o.indicators.map((i) => ({
        name: i.name,
        satuan: i.satuan,
        polarity: i.polarity ?? (i.method.startsWith('inverse') ? 'negative' : 'positive'),
        method: i.method,
        aggregation: i.aggregation,
        isIku: i.isIku ?? false,
        scaleId: i.method === 'scale' ? (i.scaleId ?? f.scaleId) : null,
        targets: [
          {
            year,
            annual: targetOf(i.method, i.annual),
            quarters: i.quarters.map((q) => targetOf(i.method, q)),
          },
        ],
      })),
    })),
    budgets: content.budgets.map((b) => ({
      programCode: b.code.split('.').slice(0, 3).join('.'),
      programName: b.programName ?? 'Program Pemenuhan Upaya Kesehatan',
      kegiatanCode: b.code.split('.').slice(0, 5).join('.'),
      kegiatanName: b.kegiatanName ?? 'Penyediaan Fasilitas Pelayanan Kesehatan',
      subKegiatanCode: b.code,
      subKegiatanName: b.name,
      amount: b.amount,
    })),
  });
  if (put.status !== 200) throw new Error(`PK content: ${JSON.stringify(put.body)}`);
  let pk = put.body;
  const indicatorIds: Record<string, string> = {};
  for (const objective of pk.objectives) {
    for (const indicator of objective.indicators) {
      const spec = specs.find((s) => s.name === indicator.name);
      if (spec) indicatorIds[spec.key] = indicator.id;
    }
  }
  const negative = specs.filter((s) => s.allowNegative).map((s) => indicatorIds[s.key] as string);
  if (negative.length > 0) {
    // The PK content API has no allowNegative (it is copied from the plan indicator): set it
    // while the PK is still a draft.
    await t.database.withTenant(f.tenantId, (tx) =>
      tx
        .update(agreementIndicators)
        .set({ allowNegative: true })
        .where(
          and(
            eq(agreementIndicators.tenantId, f.tenantId),
            inArray(agreementIndicators.id, negative),
          ),
        ),
    );
  }
  for (const action of ['submit', 'verify', 'mark_ready']) {
    const res = await admin.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action,
    });
    if (res.status !== 200) throw new Error(`${action}: ${JSON.stringify(res.body)}`);
    pk = res.body;
  }
  await markSignedForTest(t.database, pk.id);
  const signed = await admin.get<AgreementDetail>(`/api/agreements/${pk.id}`);
  if (signed.status !== 200) throw new Error(`read PK: ${JSON.stringify(signed.body)}`);
  const budgetIds: Record<string, string> = {};
  for (const budget of signed.body.budgets) {
    const spec = content.budgets.find((b) => b.code === budget.subKegiatanCode);
    if (spec) budgetIds[spec.key] = budget.id;
  }
  return { pk: signed.body, indicators: indicatorIds, budgets: budgetIds };
}

export const dinkesContent = (scaleId: string): ContentSpec => ({
  objectives: [
    {
      title: 'Meningkatnya mutu layanan kesehatan',
      indicators: [
        {
          key: 'accredited',
          name: 'Persentase fasilitas kesehatan terakreditasi',
          satuan: '%',
          method: 'ratio',
          aggregation: 'last',
          isIku: true,
          annual: '80',
          quarters: ['65', '70', '75', '80'],
        },
        {
          key: 'maternal',
          name: 'Angka kematian ibu',
          satuan: 'per 100.000 KH',
          polarity: 'negative',
          method: 'inverse_difference',
          aggregation: 'last',
          annual: '90',
          quarters: ['90', '90', '90', '90'],
        },
        {
          key: 'referrals',
          name: 'Jumlah rujukan tertangani',
          satuan: 'kasus',
          method: 'ratio',
          aggregation: 'cumulative',
          annual: '120',
          quarters: ['30', '30', '30', '30'],
        },
      ],
    },
    {
      title: 'Meningkatnya akuntabilitas kinerja dan keuangan',
      indicators: [
        {
          key: 'audit',
          name: 'Opini BPK atas laporan keuangan',
          satuan: 'opini',
          method: 'scale',
          aggregation: 'last',
          scaleId,
          annual: 'WTP',
          quarters: ['WTP', 'WTP', 'WTP', 'WTP'],
        },
        {
          key: 'growth',
          name: 'Pertumbuhan kunjungan puskesmas',
          satuan: '%',
          method: 'ratio',
          aggregation: 'last',
          allowNegative: true,
          annual: '5',
          quarters: ['2', '3', '4', '5'],
        },
      ],
    },
  ],
  budgets: [
    { key: 'sub1', code: '1.02.02.2.01.0001', name: 'Pembangunan Puskesmas', amount: '100000000' },
    {
      key: 'sub2',
      code: '1.02.02.2.01.0002',
      name: 'Pengadaan Alat Kesehatan',
      amount: '50000000',
    },
  ],
});

export const disdikContent: ContentSpec = {
  objectives: [
    {
      title: 'Meningkatnya mutu pendidikan',
      indicators: [
        {
          key: 'schools',
          name: 'Persentase sekolah terakreditasi A',
          satuan: '%',
          method: 'ratio',
          aggregation: 'last',
          isIku: true,
          annual: '60',
          quarters: ['45', '50', '55', '60'],
        },
        {
          key: 'graduates',
          name: 'Jumlah lulusan program kesetaraan',
          satuan: 'orang',
          method: 'ratio',
          aggregation: 'cumulative',
          annual: '200',
          quarters: ['50', '50', '50', '50'],
        },
      ],
    },
  ],
  budgets: [
    {
      key: 'sub',
      code: '1.01.02.2.01.0001',
      name: 'Pembangunan Ruang Kelas',
      amount: '80000000',
      programName: 'Program Pengelolaan Pendidikan',
      kegiatanName: 'Pengelolaan Pendidikan Sekolah Dasar',
    },
  ],
};

export async function createMonitoringFixture(t: TestApp): Promise<MonitoringFixture> {
  const f = await createAgreementFixture(t.database);
  const tenantId = f.tenantId;
  const monitoringUsers = {
    admin: f.users.admin,
    operatorDinkes: f.users.operatorDinkes,
    operatorDisdik: f.users.operatorDisdik,
    viewer: f.users.viewer,
    perencana: f.users.perencana,
    kadinkes: await userWith(
      t,
      tenantId,
      [{ role: 'pimpinan_unit', unitId: f.units.dinkes }],
      'kadinkes',
      f.employees.kadinkes,
    ),
    kadisdik: await userWith(
      t,
      tenantId,
      [{ role: 'pimpinan_unit', unitId: f.units.disdik }],
      'kadisdik',
      f.employees.kadisdik,
    ),
    kabid: await userWith(
      t,
      tenantId,
      [{ role: 'pimpinan_unit', unitId: f.units.yankes }],
      'kabid',
      f.employees.kabid,
    ),
    walikota: await userWith(
      t,
      tenantId,
      [{ role: 'kepala_daerah', unitId: null }],
      'walikota',
      f.employees.walikota,
    ),
    evaluator: await userWith(t, tenantId, [{ role: 'evaluator', unitId: null }], 'inspektorat'),
  };
  const admin = await signIn(t.app, monitoringUsers.admin, TEST_PASSWORD);
  const dinkes = await signedAgreement(t, f, admin, f.positions.kadinkes, dinkesContent(f.scaleId));
  const disdik = await signedAgreement(t, f, admin, f.positions.kadisdik, disdikContent);
  const clients = {
    admin,
    operatorDinkes: await signIn(t.app, monitoringUsers.operatorDinkes, TEST_PASSWORD),
    operatorDisdik: await signIn(t.app, monitoringUsers.operatorDisdik, TEST_PASSWORD),
    kadinkes: await signIn(t.app, monitoringUsers.kadinkes, TEST_PASSWORD),
    kadisdik: await signIn(t.app, monitoringUsers.kadisdik, TEST_PASSWORD),
    evaluator: await signIn(t.app, monitoringUsers.evaluator, TEST_PASSWORD),
    walikota: await signIn(t.app, monitoringUsers.walikota, TEST_PASSWORD),
    viewer: await signIn(t.app, monitoringUsers.viewer, TEST_PASSWORD),
  };
  return {
    ...f,
    monitoringUsers,
    clients,
    pks: { dinkes: dinkes.pk, disdik: disdik.pk },
    indicators: {
      ...f.indicators,
      dinkes: dinkes.indicators as MonitoringFixture['indicators']['dinkes'],
      disdik: disdik.indicators as MonitoringFixture['indicators']['disdik'],
    },
    budgets: {
      dinkes: dinkes.budgets as MonitoringFixture['budgets']['dinkes'],
      disdik: disdik.budgets as MonitoringFixture['budgets']['disdik'],
    },
  };
}

// ---- API shortcuts ---------------------------------------------------------------------------

/** Opens (or reads) the quarter report of a PK; throws unless 200. */
export async function openReport(
  client: ApiClient,
  agreementId: string,
  year: number,
  quarter: number,
): Promise<ReportDetail> {
  const res = await client.post<ReportDetail>('/api/monitoring/reports', {
    agreementId,
    year,
    quarter,
  });
  if (res.status !== 200) throw new Error(`open report: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface ValueInput {
  indicatorId: string;
  value?: string | null;
  analysis?: string;
  obstacles?: string;
  followUp?: string;
}

/** Saves values (and budgets) at the report's version; throws unless 200. */
export async function saveValues(
  client: ApiClient,
  report: Pick<ReportDetail, 'id' | 'version'>,
  values: ValueInput[],
  budgets?: { budgetId: string; amount: string | null }[],
): Promise<ReportDetail> {
  const res = await client.put<ReportDetail>(`/api/monitoring/reports/${report.id}/values`, {
    version: report.version,
    values,
    ...(budgets ? { budgets } : {}),
  });
  if (res.status !== 200) throw new Error(`save values: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs a workflow action at the report's version; throws unless 200. */
export async function transition(
  client: ApiClient,
  report: Pick<ReportDetail, 'id' | 'version'>,
  action: 'submit' | 'withdraw' | 'approve' | 'verify' | 'return',
  note?: string,
): Promise<ReportDetail> {
  const res = await client.post<ReportDetail>(`/api/monitoring/reports/${report.id}/transitions`, {
    version: report.version,
    action,
    ...(note ? { note } : {}),
  });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A full explanation (analysis, obstacles, follow-up) for an indicator. */
export const explanation = {
  analysis: 'Capaian belum sesuai rencana karena pelaksanaan kegiatan tertunda.',
  obstacles: 'Keterlambatan pengadaan dan keterbatasan tenaga.',
  followUp: 'Percepatan pengadaan pada triwulan berikutnya.',
};

/**
 * Fills one quarter of the Dinkes PK (every indicator, both budgets: values near the targets, so
 * nothing needs an explanation) and submits it as the operator; approves it as kadinkes and
 * verifies it as the evaluator when asked. Sets "today" inside the quarter's entry window and
 * leaves the clock there (the caller resets it).
 */
export async function fillDinkesQuarter(
  m: MonitoringFixture,
  quarter: 1 | 2 | 3 | 4,
  until: 'draft' | 'submitted' | 'approved' | 'verified' = 'verified',
  values: Partial<Record<keyof MonitoringFixture['indicators']['dinkes'], string | null>> = {},
): Promise<ReportDetail> {
  const days = [dates.tw1Deadline, dates.tw2Deadline, '2026-10-14', '2027-01-14'] as const;
  setToday(days[quarter - 1] as string);
  const i = m.indicators.dinkes;
  const defaults = {
    accredited: ['66', '71', '76', '80'][quarter - 1] as string,
    maternal: '85',
    referrals: '31',
    audit: 'WTP',
    growth: ['2', '3,5', '4', '5'][quarter - 1] as string,
  };
  const merged = { ...defaults, ...values };
  let report = await openReport(m.clients.operatorDinkes, m.pks.dinkes.id, m.year, quarter);
  report = await saveValues(
    m.clients.operatorDinkes,
    report,
    (Object.keys(i) as (keyof typeof i)[]).map((key) => ({
      indicatorId: i[key],
      value: merged[key] ?? null,
      ...(merged[key] == null ? explanation : {}),
    })),
    [
      { budgetId: m.budgets.dinkes.sub1, amount: '20000000' },
      { budgetId: m.budgets.dinkes.sub2, amount: '10000000' },
    ],
  );
  if (until === 'draft') return report;
  report = await transition(m.clients.operatorDinkes, report, 'submit');
  if (until === 'submitted') return report;
  report = await transition(m.clients.kadinkes, report, 'approve');
  if (until === 'approved') return report;
  return transition(m.clients.evaluator, report, 'verify');
}
