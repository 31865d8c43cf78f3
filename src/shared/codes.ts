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
