import {
  type CapaianColumns,
  capaianColumns,
  type IndicatorYear,
} from '../../src/modules/monitoring/indicator-years.js';
import type { CapaianRules, RealisasiValue, ScaleLevel } from '../../src/shared/capaian/index.js';
import { lowBands } from '../../src/shared/capaian/index.js';
import type {
  Aggregation,
  AgreementLevel,
  CalcMethod,
  CapaianBand,
  QuarterReportStatus,
} from '../../src/shared/codes.js';
import type { TargetValue } from '../../src/shared/target-value.js';
import { fastId } from './ids.js';
import { mix, type PemdaSpec, Rng } from './shape.js';

/**
 * The rows of one synthetic Pemda, for bulk loading (COPY) straight into the tables, bypassing
 * the API: organisation (units with their path, head positions, one holder each), a rating
 * scale, for every year a PK year and one signed PK per head (Pemda, kepala PD, eselon III,
 * eselon IV) with sasaran linked up the cascade, 5–20 indicators per PK with annual and TW I–IV
 * targets, budget rows, then per PK and quarter a quarter report (mostly verified/approved, some
 * still submitted, returned or draft) with its realisasi and budget realisasi.
 *
 * The capaian columns of every realisasi row come from the capaian ENGINE, through the same
 * function the app uses when a value is saved (capaianColumns in
 * src/modules/monitoring/indicator-years.ts): once per indicator-year, for its four quarters.
 * Nothing here computes capaian.
 */

export type Cell = string | number | boolean | null;

/** Where rows go (a CSV file per table, usually). Values in the order of `tableColumns`. */
export interface RowSink {
  row(table: TableName, values: Cell[]): void;
}

/** The tables written and their column lists, in an order that satisfies the foreign keys. */
export const tableColumns = {
  tenants: ['id', 'name', 'short_name', 'type', 'region_code', 'time_zone'],
  units: ['tenant_id', 'id', 'parent_id', 'path', 'name', 'type', 'level', 'sort_order'],
  employees: ['tenant_id', 'id', 'nip', 'name', 'gender', 'employee_type', 'grade'],
  positions: ['tenant_id', 'id', 'unit_id', 'title', 'kind', 'heads_unit'],
  assignments: ['tenant_id', 'id', 'position_id', 'employee_id', 'kind', 'start_date'],
  users: ['id', 'tenant_id', 'username', 'display_name', 'employee_id', 'password_hash'],
  role_grants: ['tenant_id', 'id', 'user_id', 'role', 'unit_id'],
  rating_scales: ['tenant_id', 'id', 'key', 'name'],
  rating_scale_levels: ['tenant_id', 'scale_id', 'code', 'label', 'score', 'sort_order'],
  agreement_years: ['tenant_id', 'id', 'year', 'dpa_approved_on', 'status'],
  agreements: [
    'tenant_id',
    'id',
    'year_id',
    'start_year',
    'end_year',
    'level',
    'unit_id',
    'position_id',
    'first_party_employee_id',
    'first_party_assignment_kind',
    'second_party_position_id',
    'second_party_employee_id',
    'second_party_assignment_kind',
    'agreement_date',
    'parent_agreement_id',
    'status',
    'revision_no',
    'root_id',
    'previous_id',
    'revision_reason',
    'revision_note',
    'submitted_at',
    'verified_at',
    'ready_at',
    'signed_at',
    'published_at',
    'superseded_at',
  ],
  agreement_objectives: [
    'tenant_id',
    'id',
    'agreement_id',
    'title',
    'supports_objective_id',
    'sort_order',
  ],
  agreement_indicators: [
    'tenant_id',
    'id',
    'agreement_id',
    'objective_id',
    'name',
    'satuan',
    'polarity',
    'method',
    'aggregation',
    'scale_id',
    'is_iku',
    'sort_order',
  ],
  agreement_targets: [
    'tenant_id',
    'indicator_id',
    'agreement_id',
    'year',
    'quarter',
    'target_value',
    'target_low',
    'target_high',
    'target_code',
  ],
  agreement_budgets: [
    'tenant_id',
    'id',
    'agreement_id',
    'program_code',
    'program_name',
    'kegiatan_code',
    'kegiatan_name',
    'sub_kegiatan_code',
    'sub_kegiatan_name',
    'amount',
    'sort_order',
  ],
  quarter_reports: [
    'tenant_id',
    'id',
    'agreement_id',
    'unit_id',
    'year',
    'quarter',
    'status',
    'submitted_at',
    'approved_at',
    'verified_at',
    'version',
  ],
  quarter_report_transitions: [
    'tenant_id',
    'id',
    'report_id',
    'from_status',
    'to_status',
    'note',
    'created_at',
  ],
  realisasi: [
    'tenant_id',
    'indicator_id',
    'year',
    'quarter',
    'report_id',
    'agreement_id',
    'value',
    'code',
    'analysis',
    'obstacles',
    'follow_up',
    'capaian_quarter',
    'capaian_to_date',
    'capaian_annual',
    'band',
  ],
  budget_realisasi: [
    'tenant_id',
    'budget_id',
    'year',
    'quarter',
    'report_id',
    'agreement_id',
    'amount',
  ],
} as const;

export type TableName = keyof typeof tableColumns;
export const tableNames = Object.keys(tableColumns) as TableName[];

/** Tables whose USER triggers (guards, unit path, org version) a bulk load must not fire. */
export const guardedTables: readonly TableName[] = tableNames.filter((t) => t !== 'tenants');

export interface PemdaOptions {
  years: readonly number[];
  /**
   * The quarter being filled now: its reports are drafts without values, later quarters have no
   * report yet. Without it every quarter of every year is past.
   */
  openQuarter?: { year: number; quarter: number };
  /** Bidang (eselon III) per PD and seksi (eselon IV) per bidang, inclusive ranges. */
  bidang: readonly [number, number];
  seksi: readonly [number, number];
  /** Indicators per PK, inclusive range. */
  indicators: readonly [number, number];
  /** Share of head-of-PD PKs with a PK Perubahan from TW III (the first version superseded). */
  revisionShare: number;
  /** Also write the status history of each report (3 rows per verified report). */
  transitions: boolean;
  /** Users to make (the monitoring benchmark): an admin, the Kepala Daerah, unit operators. */
  users?: { passwordHash: string; operators: number };
  rules: CapaianRules;
}

export const defaultPemdaOptions = (rules: CapaianRules): PemdaOptions => ({
  years: [2024, 2025, 2026],
  bidang: [2, 3],
  seksi: [2, 3],
  indicators: [5, 20],
  revisionShare: 0.03,
  transitions: false,
  rules,
});

/** A PK of the open quarter with its draft report (for the benchmarks that save values). */
export interface OpenReport {
  reportId: string;
  agreementId: string;
  unitId: string | null;
  level: AgreementLevel;
  indicatorIds: string[];
  /** Operator signed in to fill it (when users were made). */
  operator?: string;
}

export interface PemdaResult {
  tenantId: string;
  counts: Partial<Record<TableName, number>>;
  openReports: OpenReport[];
  users: { admin: string; kepalaDaerah: string; operators: string[] } | null;
  /** Indicator-years handed to the engine. */
  engineCalls: number;
}

// ---- Catalogue of indicators -----------------------------------------------------------------

interface Template {
  name: string;
  satuan: string;
  method: CalcMethod;
  aggregation: Aggregation;
  /** Annual target in whole units: [min, max]; a range indicator gets [t, t + width]. */
  target: [number, number];
  width?: number;
  weight: number;
}

const templates: Template[] = [
  {
    name: 'Jumlah layanan yang diberikan',
    satuan: 'layanan',
    method: 'ratio',
    aggregation: 'cumulative',
    target: [100, 5000],
    weight: 18,
  },
  {
    name: 'Jumlah dokumen perencanaan yang disusun',
    satuan: 'dokumen',
    method: 'ratio',
    aggregation: 'cumulative',
    target: [4, 40],
    weight: 10,
  },
  {
    name: 'Persentase capaian standar pelayanan minimal',
    satuan: '%',
    method: 'ratio',
    aggregation: 'last',
    target: [70, 100],
    weight: 18,
  },
  {
    name: 'Persentase penyelesaian tindak lanjut temuan',
    satuan: '%',
    method: 'ratio',
    aggregation: 'last',
    target: [60, 100],
    weight: 8,
  },
  {
    name: 'Indeks kepuasan masyarakat',
    satuan: 'indeks',
    method: 'ratio',
    aggregation: 'average',
    target: [70, 90],
    weight: 9,
  },
  {
    name: 'Nilai rata-rata kinerja layanan',
    satuan: 'nilai',
    method: 'ratio',
    aggregation: 'average',
    target: [60, 95],
    weight: 5,
  },
  {
    name: 'Angka kejadian per 1.000 penduduk',
    satuan: 'per 1.000',
    method: 'inverse_difference',
    aggregation: 'last',
    target: [5, 60],
    weight: 9,
  },
  {
    name: 'Jumlah pengaduan yang belum ditangani',
    satuan: 'pengaduan',
    method: 'inverse_difference',
    aggregation: 'cumulative',
    target: [20, 400],
    weight: 4,
  },
  {
    name: 'Rata-rata waktu penyelesaian layanan',
    satuan: 'hari',
    method: 'inverse_ratio',
    aggregation: 'average',
    target: [3, 14],
    weight: 4,
  },
  {
    name: 'Persentase anggaran terserap dalam rentang rencana',
    satuan: '%',
    method: 'range',
    aggregation: 'last',
    target: [80, 90],
    width: 10,
    weight: 7,
  },
  {
    name: 'Opini BPK atas laporan keuangan',
    satuan: 'opini',
    method: 'scale',
    aggregation: 'last',
    target: [0, 0],
    weight: 2,
  },
];
const totalWeight = templates.reduce((s, t) => s + t.weight, 0);

function pickTemplate(rng: Rng): Template {
  let x = rng.next() * totalWeight;
  for (const t of templates) {
    x -= t.weight;
    if (x < 0) return t;
  }
  return templates[0]!;
}

const opini: ScaleLevel[] = [
  { code: 'WTP', score: 4 },
  { code: 'WDP', score: 3 },
  { code: 'TW', score: 2 },
  { code: 'TMP', score: 1 },
];
const opiniLabels: Record<string, string> = {
  WTP: 'Wajar Tanpa Pengecualian',
  WDP: 'Wajar Dengan Pengecualian',
  TW: 'Tidak Wajar',
  TMP: 'Tidak Menyatakan Pendapat',
};

const pdNames: {
  name: string;
  type:
    | 'dinas'
    | 'badan'
    | 'inspektorat'
    | 'sekretariat_daerah'
    | 'sekretariat_dprd'
    | 'kecamatan'
    | 'rsud';
}[] = [
  { name: 'Sekretariat Daerah', type: 'sekretariat_daerah' },
  { name: 'Sekretariat DPRD', type: 'sekretariat_dprd' },
  { name: 'Inspektorat Daerah', type: 'inspektorat' },
  { name: 'Dinas Pendidikan', type: 'dinas' },
  { name: 'Dinas Kesehatan', type: 'dinas' },
  { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', type: 'dinas' },
  { name: 'Dinas Perumahan dan Kawasan Permukiman', type: 'dinas' },
  { name: 'Dinas Sosial', type: 'dinas' },
  { name: 'Dinas Tenaga Kerja', type: 'dinas' },
  { name: 'Dinas Lingkungan Hidup', type: 'dinas' },
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', type: 'dinas' },
  { name: 'Dinas Perhubungan', type: 'dinas' },
  { name: 'Dinas Komunikasi dan Informatika', type: 'dinas' },
  { name: 'Dinas Koperasi dan Usaha Mikro', type: 'dinas' },
  { name: 'Dinas Penanaman Modal dan PTSP', type: 'dinas' },
  { name: 'Dinas Kepemudaan dan Olahraga', type: 'dinas' },
  { name: 'Dinas Pariwisata dan Kebudayaan', type: 'dinas' },
  { name: 'Dinas Perpustakaan dan Kearsipan', type: 'dinas' },
  { name: 'Dinas Pertanian dan Ketahanan Pangan', type: 'dinas' },
  { name: 'Dinas Perikanan', type: 'dinas' },
  { name: 'Dinas Perdagangan dan Perindustrian', type: 'dinas' },
  { name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', type: 'dinas' },
  { name: 'Satuan Polisi Pamong Praja', type: 'dinas' },
  { name: 'Badan Perencanaan Pembangunan Daerah', type: 'badan' },
  { name: 'Badan Pengelolaan Keuangan dan Aset Daerah', type: 'badan' },
  { name: 'Badan Pendapatan Daerah', type: 'badan' },
  { name: 'Badan Kepegawaian dan Pengembangan SDM', type: 'badan' },
  { name: 'Badan Penanggulangan Bencana Daerah', type: 'badan' },
  { name: 'Badan Kesatuan Bangsa dan Politik', type: 'badan' },
  { name: 'Rumah Sakit Umum Daerah', type: 'rsud' },
];

// ---- Small helpers ----------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Integer cents → canonical decimal text ("12345" → "123.45", "1200" → "12"). */
function centsText(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const text = frac === 0 ? String(whole) : `${whole}.${pad(frac).replace(/0$/, '')}`;
  return negative && text !== '0' ? `-${text}` : text;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A plausible NIP (18 digits) for the n-th employee of a Pemda, unique within it. */
const nipOf = (n: number) =>
  `${1965 + (Math.floor(n / 336) % 30)}${pad(1 + (Math.floor(n / 28) % 12))}${pad(1 + (n % 28))}` +
  `${2000 + (n % 20)}${pad(1 + (n % 12))}${1 + (n % 2)}${pad(1 + Math.floor(n / 10080), 3)}`;

/** A timestamp a few days after a quarter's end (reports are submitted, approved, verified). */
function afterQuarter(year: number, quarter: number, days: number): string {
  const end = Date.UTC(year, quarter * 3, 1); // first day of the next quarter
  return new Date(end + days * 86_400_000 + 9 * 3_600_000).toISOString();
}

function statusOf(rng: Rng): QuarterReportStatus {
  const x = rng.next();
  if (x < 0.82) return 'verified';
  if (x < 0.92) return 'approved';
  if (x < 0.96) return 'submitted';
  if (x < 0.975) return 'returned';
  return 'draft';
}

const explanations = {
  analysis: 'Capaian di bawah target karena sebagian kegiatan baru terlaksana pada akhir triwulan.',
  obstacles: 'Keterlambatan pengadaan dan keterbatasan tenaga pelaksana di lapangan.',
  followUp: 'Percepatan pengadaan dan pendampingan teknis pada triwulan berikutnya.',
};

// ---- The generator ----------------------------------------------------------------------------

interface Head {
  unitId: string | null;
  positionId: string;
  employeeId: string;
  level: AgreementLevel;
  /** Index of the superior head in `heads` (null for the Kepala Daerah). */
  parent: number | null;
  /** Performance offset of the PD (added to the Pemda's). */
  offset: number;
  name: string;
}

interface Indicator {
  id: string;
  template: Template;
  /** Annual target in cents (number methods) or the range in cents. */
  annual: number;
  quarterTargets: [TargetValue, TargetValue, TargetValue, TargetValue];
  annualTarget: TargetValue;
  /** Target per quarter in cents (number methods; the range's low bound). */
  quarterCents: [number, number, number, number];
  skill: number;
}

/**
 * Writes every row of one Pemda into `sink` and returns what the benchmarks need to know.
 * Deterministic for a given spec and options (ids excepted).
 */
export function generatePemda(spec: PemdaSpec, options: PemdaOptions, sink: RowSink): PemdaResult {
  const rng = new Rng(spec.seed);
  const counts: Partial<Record<TableName, number>> = {};
  const emit = (table: TableName, values: Cell[]) => {
    counts[table] = (counts[table] ?? 0) + 1;
    sink.row(table, values);
  };
  const t = fastId();
  const rules = options.rules;
  const low = new Set<CapaianBand>(lowBands(rules));
  let engineCalls = 0;

  emit('tenants', [t, spec.name, spec.shortName, spec.type, spec.regionCode, spec.timeZone]);

  // ---- Organisation ----
  const heads: Head[] = [];
  let employeeNo = 0;
  const person = (title: string, kind: string, unitId: string | null, pejabat = false) => {
    const employeeId = fastId();
    const positionId = fastId();
    employeeNo += 1;
    emit('employees', [
      t,
      employeeId,
      pejabat ? null : nipOf(employeeNo),
      `Pejabat ${employeeNo} ${spec.shortName}`,
      employeeNo % 3 === 0 ? 'P' : 'L',
      pejabat ? 'pejabat_negara' : 'pns',
      pejabat
        ? null
        : kind === 'jpt_pratama'
          ? 'IV/c'
          : kind === 'administrator'
            ? 'IV/a'
            : 'III/d',
    ]);
    emit('positions', [t, positionId, unitId, title, kind, unitId !== null]);
    emit('assignments', [t, fastId(), positionId, employeeId, 'definitif', '2021-01-04']);
    return { positionId, employeeId };
  };
  const headTitle =
    spec.type === 'provinsi' ? 'Gubernur' : spec.type === 'kota' ? 'Wali Kota' : 'Bupati';
  const kd = person(`${headTitle} ${spec.shortName}`, 'kepala_daerah', null, true);
  heads.push({ unitId: null, ...kd, level: 'pemda', parent: null, offset: 0, name: spec.name });

  const unit = (
    parent: { id: string; path: string[] } | null,
    name: string,
    type: string,
    level: string,
    sort: number,
  ) => {
    const id = fastId();
    const path = parent ? [...parent.path, id] : [id];
    emit('units', [t, id, parent?.id ?? null, `{${path.join(',')}}`, name, type, level, sort]);
    return { id, path };
  };
  const pemdaSkill = rng.normal(0.97, 0.06);
  for (let p = 0; p < spec.pd; p += 1) {
    const base = pdNames[p % pdNames.length]!;
    const name =
      p < pdNames.length ? base.name : `Kecamatan ${p - pdNames.length + 1} ${spec.shortName}`;
    const type = p < pdNames.length ? base.type : 'kecamatan';
    const pd = unit(null, name, type, 'eselon_2', p + 1);
    const pdHead = person(`Kepala ${name}`, 'jpt_pratama', pd.id);
    const pdIndex = heads.length;
    const offset = rng.normal(0, 0.06);
    heads.push({ unitId: pd.id, ...pdHead, level: 'kepala_pd', parent: 0, offset, name });
    const bidangCount = rng.int(options.bidang[0], options.bidang[1]);
    for (let b = 0; b < bidangCount; b += 1) {
      const bName = `Bidang ${b + 1} ${name}`;
      const bidang = unit(pd, bName, 'bidang', 'eselon_3', b + 1);
      const bHead = person(`Kepala ${bName}`, 'administrator', bidang.id);
      const bIndex = heads.length;
      heads.push({
        unitId: bidang.id,
        ...bHead,
        level: 'eselon_iii',
        parent: pdIndex,
        offset: offset + rng.normal(0, 0.03),
        name: bName,
      });
      const seksiCount = rng.int(options.seksi[0], options.seksi[1]);
      for (let s = 0; s < seksiCount; s += 1) {
        const sName = `Seksi ${b + 1}.${s + 1} ${name}`;
        const seksi = unit(bidang, sName, 'seksi', 'eselon_4', s + 1);
        const sHead = person(`Kepala ${sName}`, 'pengawas', seksi.id);
        heads.push({
          unitId: seksi.id,
          ...sHead,
          level: 'eselon_iv',
          parent: bIndex,
          offset: offset + rng.normal(0, 0.03),
          name: sName,
        });
      }
    }
  }

  // Users for the monitoring benchmark: admin, Kepala Daerah, operators (assigned below).
  let users: PemdaResult['users'] = null;
  const operatorUnits: string[] = [];
  if (options.users) {
    const tag = spec.regionCode.replace('.', '');
    const admin = `admin.${tag}`;
    const kepalaDaerah = `kd.${tag}`;
    const adminId = fastId();
    const kdId = fastId();
    emit('users', [adminId, t, admin, 'Admin Uji Beban', null, options.users.passwordHash]);
    emit('role_grants', [t, fastId(), adminId, 'admin_pemda', null]);
    emit('users', [kdId, t, kepalaDaerah, headTitle, kd.employeeId, options.users.passwordHash]);
    emit('role_grants', [t, fastId(), kdId, 'kepala_daerah', null]);
    users = { admin, kepalaDaerah, operators: [] };
  }

  // Rating scale (Opini BPK).
  const scaleId = fastId();
  emit('rating_scales', [t, scaleId, 'opini_bpk', 'Opini BPK']);
  for (const [i, l] of opini.entries()) {
    emit('rating_scale_levels', [t, scaleId, l.code, opiniLabels[l.code]!, l.score, i + 1]);
  }

  // ---- PKs, year by year ----
  const openReports: OpenReport[] = [];
  for (const year of options.years) {
    const yearId = fastId();
    emit('agreement_years', [t, yearId, year, `${year - 1}-12-20`, 'open']);
    const yrng = new Rng(mix(spec.seed, year));
    const agreementOf: string[] = [];
    const objectivesOf: string[][] = [];
    const quartersOf = (q: number): 'past' | 'open' | 'future' => {
      const open = options.openQuarter;
      if (!open) return 'past';
      if (year < open.year || (year === open.year && q < open.quarter)) return 'past';
      if (year === open.year && q === open.quarter) return 'open';
      return 'future';
    };
    heads.forEach((head, index) => {
      const revised = head.level === 'kepala_pd' && yrng.chance(options.revisionShare);
      const parentAgreement = head.parent === null ? null : (agreementOf[head.parent] ?? null);
      const parentObjectives = head.parent === null ? [] : (objectivesOf[head.parent] ?? []);
      const superior = head.parent === null ? null : heads[head.parent]!;
      const indicatorCount = yrng.int(options.indicators[0], options.indicators[1]);
      const objectiveCount = Math.max(1, Math.min(4, Math.round(indicatorCount / 5)));
      // Definitions shared by the versions of a revised PK (the revision keeps the indicators).
      const defs = Array.from({ length: indicatorCount }, (_, i) => ({
        template: pickTemplate(yrng),
        objective: i % objectiveCount,
        iku: head.level !== 'eselon_iv' && yrng.chance(0.3),
        skill: head.offset + yrng.normal(0, 0.1),
        draw: yrng.next(),
      }));
      const budgetRows =
        head.level === 'pemda' ? 0 : head.level === 'kepala_pd' ? yrng.int(3, 6) : yrng.int(1, 3);
      const budgetDefs = Array.from({ length: budgetRows }, (_, i) => ({
        amount:
          head.level === 'kepala_pd'
            ? yrng.int(500, 20_000) * 1_000_000
            : yrng.int(50, 2_000) * 1_000_000,
        absorption: clamp(yrng.normal(0.9, 0.08) + head.offset, 0.3, 1),
        i,
      }));
      const versions = revised ? [0, 1] : [0];
      let previousId: string | null = null;
      let rootId: string | null = null;
      for (const revisionNo of versions) {
        const agreementId = fastId();
        rootId ??= agreementId;
        const superseded = revised && revisionNo === 0;
        const status = superseded ? 'superseded' : yrng.chance(0.1) ? 'published' : 'signed';
        emit('agreements', [
          t,
          agreementId,
          yearId,
          year,
          year,
          head.level,
          head.unitId,
          head.positionId,
          head.employeeId,
          'definitif',
          superior?.positionId ?? null,
          superior?.employeeId ?? null,
          superior ? 'definitif' : null,
          revisionNo === 0 ? `${year}-01-15` : `${year}-06-20`,
          parentAgreement,
          status,
          revisionNo,
          rootId,
          previousId,
          revisionNo > 0 ? 'perubahan_strategi' : null,
          revisionNo > 0 ? 'Penyesuaian sasaran setelah perubahan APBD tahun berjalan.' : null,
          `${year}-01-08T02:00:00.000Z`,
          `${year}-01-10T02:00:00.000Z`,
          `${year}-01-12T02:00:00.000Z`,
          revisionNo === 0 ? `${year}-01-20T03:00:00.000Z` : `${year}-06-25T03:00:00.000Z`,
          status === 'published' ? `${year}-01-25T03:00:00.000Z` : null,
          superseded ? `${year}-06-25T03:00:00.000Z` : null,
        ]);
        previousId = agreementId;
        if (!superseded) agreementOf[index] = agreementId;
        // Sasaran, each supporting one of the superior PK's (the cascade).
        const objectives: string[] = [];
        for (let o = 0; o < objectiveCount; o += 1) {
          const id = fastId();
          objectives.push(id);
          emit('agreement_objectives', [
            t,
            id,
            agreementId,
            `Sasaran ${o + 1}: meningkatnya kinerja ${head.name}`,
            parentObjectives.length > 0 ? parentObjectives[o % parentObjectives.length]! : null,
            o + 1,
          ]);
        }
        if (!superseded) objectivesOf[index] = objectives;
        // Indicators and targets.
        const indicators: Indicator[] = defs.map((d, i) => {
          const id = fastId();
          const tp = d.template;
          emit('agreement_indicators', [
            t,
            id,
            agreementId,
            objectives[d.objective]!,
            `${tp.name} ${i + 1}`,
            tp.satuan,
            tp.method === 'inverse_difference' || tp.method === 'inverse_ratio'
              ? 'negative'
              : 'positive',
            tp.method,
            tp.aggregation,
            tp.method === 'scale' ? scaleId : null,
            d.iku,
            i + 1,
          ]);
          const ind = targetsOf(id, tp, d.draw, d.skill);
          emit('agreement_targets', [
            t,
            id,
            agreementId,
            year,
            0,
            ...targetCells(ind.annualTarget),
          ]);
          for (const [q, qt] of ind.quarterTargets.entries()) {
            emit('agreement_targets', [t, id, agreementId, year, q + 1, ...targetCells(qt)]);
          }
          return ind;
        });
        const budgets = budgetDefs.map((b) => {
          const id = fastId();
          const n = b.i + 1;
          emit('agreement_budgets', [
            t,
            id,
            agreementId,
            `1.0${(index % 9) + 1}.${pad(n)}`,
            `Program ${n} ${head.name}`,
            head.level === 'kepala_pd' ? null : `1.0${(index % 9) + 1}.${pad(n)}.2.01`,
            head.level === 'kepala_pd' ? null : `Kegiatan ${n} ${head.name}`,
            head.level === 'eselon_iv' ? `1.0${(index % 9) + 1}.${pad(n)}.2.01.0001` : null,
            head.level === 'eselon_iv' ? `Sub kegiatan ${n} ${head.name}` : null,
            `${b.amount}.00`,
            n,
          ]);
          return { id, ...b };
        });

        // Quarter reports of this version: a revised PK's first version holds TW I–II.
        const quarters = revised ? (revisionNo === 0 ? [1, 2] : [3, 4]) : [1, 2, 3, 4];
        const reportOf = new Map<number, { id: string; status: QuarterReportStatus }>();
        for (const q of quarters) {
          const when = quartersOf(q);
          if (when === 'future') continue;
          const id = fastId();
          const status: QuarterReportStatus = when === 'open' ? 'draft' : statusOf(yrng);
          reportOf.set(q, { id, status });
          const reached = (s: QuarterReportStatus[]) => s.includes(status);
          emit('quarter_reports', [
            t,
            id,
            agreementId,
            head.unitId,
            year,
            q,
            status,
            reached(['submitted', 'approved', 'verified']) ? afterQuarter(year, q, 6) : null,
            reached(['approved', 'verified']) ? afterQuarter(year, q, 8) : null,
            reached(['verified']) ? afterQuarter(year, q, 12) : null,
            when === 'open' ? 1 : 4,
          ]);
          if (options.transitions && when === 'past') {
            const steps: [QuarterReportStatus | null, QuarterReportStatus, number][] = [];
            if (status !== 'draft') steps.push(['draft', 'submitted', 6]);
            if (reached(['approved', 'verified'])) steps.push(['submitted', 'approved', 8]);
            if (status === 'verified') steps.push(['approved', 'verified', 12]);
            if (status === 'returned') steps.push(['submitted', 'returned', 9]);
            for (const [from, to, days] of steps) {
              emit('quarter_report_transitions', [
                t,
                fastId(),
                id,
                from,
                to,
                to === 'returned' ? 'Mohon lengkapi bukti dukung.' : null,
                afterQuarter(year, q, days),
              ]);
            }
          }
          if (when === 'open') {
            openReports.push({
              reportId: id,
              agreementId,
              unitId: head.unitId,
              level: head.level,
              indicatorIds: indicators.map((i) => i.id),
            });
          }
        }

        // Realisasi of the past quarters: values from the indicator's skill, capaian from the
        // engine (once per indicator-year), narratives where the band needs an explanation.
        const past = quarters.filter((q) => quartersOf(q) === 'past');
        if (past.length === 0) continue;
        for (const ind of indicators) {
          const values: (RealisasiValue | null)[] = [null, null, null, null];
          for (const q of past) {
            const missing = yrng.chance(reportOf.get(q)?.status === 'draft' ? 0.3 : 0.02);
            if (!missing) {
              const f = clamp(pemdaSkill + ind.skill + yrng.normal(0, 0.05) - 0.97 + 1, 0.2, 1.45);
              values[q - 1] = realisasiOf(ind, q, f);
            }
          }
          const iy = indicatorYear(ind, year, values);
          engineCalls += 1;
          const byQuarter = new Map<number, CapaianColumns>(
            capaianColumns(iy, rules).map((c) => [c.quarter, c]),
          );
          for (const q of past) {
            const v = values[q - 1] ?? null;
            if (v === null) continue;
            const c = byQuarter.get(q);
            const explain = c?.band ? low.has(c.band) : false;
            emit('realisasi', [
              t,
              ind.id,
              year,
              q,
              reportOf.get(q)!.id,
              agreementId,
              v.kind === 'number' ? v.value : null,
              v.kind === 'scale' ? v.code : null,
              explain ? explanations.analysis : '',
              explain ? explanations.obstacles : '',
              explain ? explanations.followUp : '',
              c?.capaianQuarter ?? null,
              c?.capaianToDate ?? null,
              c?.capaianAnnual ?? null,
              c?.band ?? null,
            ]);
          }
        }
        // Budget realisasi: the year's absorption spread 15/25/25/35 % over the quarters.
        const shares = [15, 25, 25, 35];
        for (const b of budgets) {
          for (const q of past) {
            const amount = Math.floor((b.amount * b.absorption * shares[q - 1]!) / 100);
            emit('budget_realisasi', [
              t,
              b.id,
              year,
              q,
              reportOf.get(q)!.id,
              agreementId,
              `${amount}.00`,
            ]);
          }
        }
      }
    });
  }

  // Operators: one per open report, on the report's unit, as many as asked.
  if (options.users && users) {
    const chosen = openReports
      .filter((r) => r.unitId !== null)
      .sort((a, b) => b.indicatorIds.length - a.indicatorIds.length)
      .slice(0, options.users.operators);
    chosen.forEach((r, i) => {
      const username = `op${pad(i + 1, 3)}.${spec.regionCode.replace('.', '')}`;
      const id = fastId();
      emit('users', [id, t, username, `Operator ${i + 1}`, null, options.users!.passwordHash]);
      emit('role_grants', [t, fastId(), id, 'operator_unit', r.unitId]);
      r.operator = username;
      users!.operators.push(username);
      operatorUnits.push(r.unitId!);
    });
  }

  return { tenantId: t, counts, openReports, users, engineCalls };
}

/** The four target columns of a target (value, low, high, code). */
function targetCells(target: TargetValue): Cell[] {
  switch (target.kind) {
    case 'number':
      return [target.value, null, null, null];
    case 'range':
      return [null, target.low, target.high, null];
    case 'scale':
      return [null, null, null, target.code];
  }
}

const num = (cents: number): TargetValue => ({ kind: 'number', value: centsText(cents) });

/** Targets of an indicator: annual and TW I–IV as the aggregation needs them. */
function targetsOf(id: string, tp: Template, draw: number, skill: number): Indicator {
  if (tp.method === 'scale') {
    const wtp: TargetValue = { kind: 'scale', code: 'WTP' };
    return {
      id,
      template: tp,
      annual: 0,
      annualTarget: wtp,
      quarterTargets: [wtp, wtp, wtp, wtp],
      quarterCents: [0, 0, 0, 0],
      skill,
    };
  }
  const units = Math.round(tp.target[0] + draw * (tp.target[1] - tp.target[0]));
  if (tp.method === 'range') {
    const lowC = units * 100;
    const highC = (units + (tp.width ?? 10)) * 100;
    const range: TargetValue = { kind: 'range', low: centsText(lowC), high: centsText(highC) };
    return {
      id,
      template: tp,
      annual: lowC,
      annualTarget: range,
      quarterTargets: [range, range, range, range],
      quarterCents: [lowC, lowC, lowC, lowC],
      skill,
    };
  }
  const annual = units * 100;
  let q: [number, number, number, number];
  if (tp.aggregation === 'cumulative') {
    // Quarterly shares 20/25/25/30 % of the annual target (whole cents, summing to it).
    const a = Math.round(annual * 0.2);
    const b = Math.round(annual * 0.25);
    const c = Math.round(annual * 0.25);
    q = [a, b, c, annual - a - b - c];
  } else if (tp.aggregation === 'last' && tp.method === 'ratio') {
    // A level that builds up over the year: 85 / 90 / 95 / 100 % of the annual target.
    q = [Math.round(annual * 0.85), Math.round(annual * 0.9), Math.round(annual * 0.95), annual];
  } else {
    q = [annual, annual, annual, annual];
  }
  return {
    id,
    template: tp,
    annual,
    annualTarget: num(annual),
    quarterTargets: [num(q[0]), num(q[1]), num(q[2]), num(q[3])],
    quarterCents: q,
    skill,
  };
}

/** A realisasi of quarter q for performance factor f (1 = on target; higher is better). */
function realisasiOf(ind: Indicator, q: number, f: number): RealisasiValue {
  const tp = ind.template;
  if (tp.method === 'scale') {
    const code = f >= 0.92 ? 'WTP' : f >= 0.78 ? 'WDP' : f >= 0.6 ? 'TW' : 'TMP';
    return { kind: 'scale', code };
  }
  const target = ind.quarterCents[q - 1]!;
  let cents: number;
  switch (tp.method) {
    case 'inverse_difference':
      cents = Math.round(target * (2 - f));
      break;
    case 'inverse_ratio':
      cents = Math.round(target / f);
      break;
    case 'range': {
      const width = ((tp.width ?? 10) * 100) / 1;
      // f 0.9–1.1 falls inside the range; lower falls below it, higher above it.
      cents = Math.round(target + ((f - 0.9) / 0.2) * width);
      break;
    }
    default:
      cents = Math.round(target * f);
  }
  return { kind: 'number', value: centsText(Math.max(0, cents)) };
}

/** The engine's input for one indicator-year (as loadIndicatorYears would read it back). */
function indicatorYear(
  ind: Indicator,
  year: number,
  values: (RealisasiValue | null)[],
): IndicatorYear {
  const tp = ind.template;
  return {
    indicatorId: ind.id,
    agreementId: '',
    objectiveId: '',
    objectiveTitle: '',
    year,
    name: tp.name,
    satuan: tp.satuan,
    polarity:
      tp.method === 'inverse_difference' || tp.method === 'inverse_ratio' ? 'negative' : 'positive',
    isIku: false,
    allowNegative: false,
    measure: {
      method: tp.method,
      aggregation: tp.aggregation,
      ...(tp.method === 'scale' ? { scale: opini } : {}),
    },
    annualTarget: ind.annualTarget,
    quarterTargets: ind.quarterTargets,
    realisasi: [values[0] ?? null, values[1] ?? null, values[2] ?? null, values[3] ?? null],
    narratives: [null, null, null, null],
    hasRow: [values[0] != null, values[1] != null, values[2] != null, values[3] != null],
  };
}
