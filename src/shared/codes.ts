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
/** How a zone is printed beside a time ("09.00 WITA"); server documents and web pages alike. */
export const timeZoneLabels: Record<TimeZone, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
export function zoneLabel(timeZone: string): string {
  return timeZoneLabels[timeZone as TimeZone] ?? timeZone;
}

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

// ---- Documents and signing (issue 4) ----

/** What a signed document is: a PK version, or one Pakta Integritas. */
export const documentKinds = ['pk', 'pi'] as const;
export type DocumentKind = (typeof documentKinds)[number];
/** pending: waiting for signatures; signed: every party signed; void: withdrawn unsigned. */
export const documentStatuses = ['pending', 'signed', 'void'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
/**
 * The signature slots. PK: pihak pertama signs first, pihak kedua second (none for the Pemda
 * PK). PI: the maker (pembuat pernyataan) first, the witness (menyaksikan, the superior) second.
 */
export const signerRoles = ['pihak_pertama', 'pihak_kedua', 'pembuat', 'saksi'] as const;
export type SignerRole = (typeof signerRoles)[number];
export const signerStatuses = ['pending', 'signed'] as const;
export type SignerStatus = (typeof signerStatuses)[number];

/** Who produces the cryptographic signature: the tenant's own CA, or a BSrE-style service. */
export const signingProviders = ['builtin', 'bsre'] as const;
export type SigningProviderId = (typeof signingProviders)[number];
/** active: usable; revoked: listed on the CRL; replaced: re-issued (also revoked on the CRL). */
export const certificateStatuses = ['active', 'revoked', 'replaced'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
export const revocationReasons = [
  'key_compromise',
  'passphrase_forgotten',
  'affiliation_changed',
  'superseded',
  'cessation_of_operation',
] as const;
export type RevocationReason = (typeof revocationReasons)[number];
/**
 * A remote sign request: in_flight while it runs; unknown when the answer never came (never
 * retried blindly: an admin checks with the provider and resolves it).
 */
export const signAttemptStates = [
  'in_flight',
  'succeeded',
  'failed',
  'unknown',
  'resolved',
] as const;
export type SignAttemptState = (typeof signAttemptStates)[number];

/** Pakta Integritas occasions (PermenPAN-RB 49/2011): each fiscal year, and at appointment. */
export const pactOccasions = ['annual', 'appointment'] as const;
export type PactOccasion = (typeof pactOccasions)[number];
export const pactStatuses = ['pending', 'signed', 'void'] as const;
export type PactStatus = (typeof pactStatuses)[number];

export const ceremonyStatuses = ['scheduled', 'ongoing', 'completed', 'cancelled'] as const;
export type CeremonyStatus = (typeof ceremonyStatuses)[number];

// ---- Quarterly monitoring (issue 5) ---------------------------------------------------------

/**
 * A quarter report (laporan triwulan) of one PK: the operator fills and submits, the head of the
 * unit approves, Bagian Organisasi / Inspektorat verifies or returns it with a note.
 */
export const quarterReportStatuses = [
  'draft',
  'submitted',
  'approved',
  'verified',
  'returned',
] as const;
export type QuarterReportStatus = (typeof quarterReportStatuses)[number];

/** Statuses in which the operator may still change values, narratives and evidence. */
export const editableQuarterReportStatuses = ['draft', 'returned'] as const;

/** The capaian category bands (REGULATIONS.md, Permendagri 86/2017 style), best first. */
export const capaianBands = [
  'sangat_tinggi',
  'tinggi',
  'sedang',
  'rendah',
  'sangat_rendah',
] as const;
export type CapaianBand = (typeof capaianBands)[number];

/** Caps on capaian (tenant setting). */
export const capaianCaps = ['none', '110', '120'] as const;
export type CapaianCap = (typeof capaianCaps)[number];

/** An unlock of a locked quarter: asked with a reason, granted for a limited time or refused. */
export const unlockStatuses = ['pending', 'granted', 'refused'] as const;
export type UnlockStatus = (typeof unlockStatuses)[number];

/** Outgoing e-mail in the outbox: waiting, being sent by one sender, sent, or given up. */
export const mailStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** In-app notification kinds (Tugas Saya and the bell). */
export const notificationKinds = [
  'reminder',
  'escalation',
  'submitted',
  'approved',
  'verified',
  'returned',
  'unlock_requested',
  'unlock_decided',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
