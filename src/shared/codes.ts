/**
 * The code lists of the domain, once: the database schema (CHECK constraints), the API schemas,
 * the demo data and the web app all take them from here. Pure constants, no dependencies, so
 * the browser bundle can import them too.
 */
export const tenantTypes = ['provinsi', 'kabupaten', 'kota'] as const;
export type TenantType = (typeof tenantTypes)[number];

/** WIB, WITA, WIT. */
export const timeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof timeZones)[number];

export const unitTypes = [
  'sekretariat_daerah',
  'sekretariat_dprd',
  'inspektorat',
  'dinas',
  'badan',
  'kecamatan',
  'rsud',
  'upt',
  'bagian',
  'bidang',
  'subbagian',
  'seksi',
] as const;
export type UnitType = (typeof unitTypes)[number];

export const unitLevels = ['eselon_2', 'eselon_3', 'eselon_4'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const positionKinds = [
  'kepala_daerah',
  'wakil_kepala_daerah',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'fungsional',
  'pelaksana',
] as const;
export type PositionKind = (typeof positionKinds)[number];

export const employeeTypes = ['pns', 'pppk', 'pejabat_negara'] as const;
export type EmployeeType = (typeof employeeTypes)[number];

/** Pangkat/golongan of a PNS. */
export const pnsGrades = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;
/** Golongan of a PPPK. */
export const pppkGrades = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

export const assignmentKinds = ['definitif', 'plt', 'plh', 'pj'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

export const roles = [
  'admin_pemda',
  'perencana',
  'kepala_daerah',
  'pimpinan_unit',
  'operator_unit',
  'evaluator',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

// ---- Planning (RPJMD / Renstra) -------------------------------------------------------------

/** An RPJMD period: drafted, in force, or finished. */
export const planStatuses = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/**
 * The levels of a plan tree. RPJMD (no unit): misi → tujuan → sasaran. Renstra of a PD (unit set):
 * tujuan → sasaran → program → kegiatan → sub kegiatan (Permendagri 90/2019 codes).
 */
export const planNodeKinds = [
  'misi',
  'tujuan',
  'sasaran',
  'program',
  'kegiatan',
  'sub_kegiatan',
] as const;
export type PlanNodeKind = (typeof planNodeKinds)[number];

/** Higher is better, or lower is better. */
export const polarities = ['positive', 'negative'] as const;
export type Polarity = (typeof polarities)[number];

/**
 * How capaian is computed (REGULATIONS.md): ratio R/T (positive); inverse_difference (2T−R)/T and
 * inverse_ratio T/R (negative); range target; ordinal scale of the tenant (score R / score T).
 */
export const calcMethods = [
  'ratio',
  'inverse_difference',
  'inverse_ratio',
  'range',
  'scale',
] as const;
export type CalcMethod = (typeof calcMethods)[number];

/** How quarterly realisasi add up to the year: cumulative sum, last value, average. */
export const aggregations = ['cumulative', 'last', 'average'] as const;
export type Aggregation = (typeof aggregations)[number];

/** Budget figures of a program/kegiatan/sub kegiatan per year. */
export const budgetKinds = ['pagu_indikatif', 'dpa', 'dpa_perubahan'] as const;
export type BudgetKind = (typeof budgetKinds)[number];

// ---- Perjanjian Kinerja ---------------------------------------------------------------------

/** Who signs with whom (REGULATIONS.md table). */
export const agreementLevels = [
  'pemda',
  'kepala_pd',
  'eselon_iii',
  'eselon_iv',
  'pelaksana',
] as const;
export type AgreementLevel = (typeof agreementLevels)[number];

export const agreementStatuses = [
  'draft',
  'submitted',
  'returned',
  'verified',
  'ready_to_sign',
  'signed',
  'published',
  'superseded',
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** Statuses in which a PK's content may change. */
export const editableAgreementStatuses = ['draft', 'returned'] as const;
/** Statuses of a PK whose version is frozen (signed, and what follows). */
export const frozenAgreementStatuses = ['signed', 'published', 'superseded'] as const;

/** The grounds a PK Perubahan is allowed on (PermenPAN-RB 53/2014). */
export const revisionReasons = ['mutasi', 'perubahan_strategi', 'perubahan_prioritas'] as const;
export type RevisionReason = (typeof revisionReasons)[number];

export const agreementYearStatuses = ['open', 'closed'] as const;
export type AgreementYearStatus = (typeof agreementYearStatuses)[number];

/**
 * The indicator quality (SMART) rules. Each finding is a warning or a blocking error by tenant
 * setting (settings.quality.severity); the defaults are in src/modules/tenants/settings.ts.
 */
export const qualityRules = [
  'NO_UNIT',
  'TARGET_NOT_NUMBER',
  'POLARITY_CONTRADICTION',
  'END_TARGET_NOT_REACHED',
  'INPUT_ORIENTED',
  'DUPLICATE_INDICATOR',
  'IKU_CHANGED',
  'SASARAN_WITHOUT_INDICATOR',
] as const;
export type QualityRule = (typeof qualityRules)[number];
export const qualitySeverities = ['warning', 'error'] as const;
export type QualitySeverity = (typeof qualitySeverities)[number];
