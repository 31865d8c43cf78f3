import type {
  AssignmentKind,
  EmployeeType,
  PositionKind,
  Role,
  TenantType,
  TimeZone,
  UnitLevel,
  UnitType,
} from '../../shared/codes.js';

/** The domain's code lists come from src/shared/codes.ts, shared with the server. */
export type {
  AssignmentKind,
  EmployeeType,
  PositionKind,
  TenantType,
  TimeZone,
  UnitLevel,
  UnitType,
};
export type RoleName = Role;

/** Shapes of the API's JSON (see GET /api/openapi.json); only what the web app reads. */

export type Capability =
  | 'readOrg'
  | 'manageOrg'
  | 'manageUsers'
  | 'readAudit'
  | 'manageTenant'
  | 'managePlatform'
  | 'readPlans'
  | 'writeRpjmd'
  | 'writeRenstra'
  | 'readAgreements'
  | 'draftAgreements'
  | 'reviewAgreements'
  | 'manageAgreementYears'
  | 'signDocuments'
  | 'manageCertificates'
  | 'readIntegrity'
  | 'writeIntegrity'
  | 'manageIntegrityClauses'
  | 'readCeremonies'
  | 'manageCeremonies'
  | 'readMonitoring'
  | 'fillRealisasi'
  | 'approveRealisasi'
  | 'verifyRealisasi'
  | 'grantUnlocks'
  | 'writeSupervisoryNotes';

export type MfaState = 'passed' | 'pending' | 'setup_required';

export interface Session {
  user: {
    id: string;
    username: string;
    displayName: string;
    isPlatformAdmin: boolean;
    roles: { role: string; unitId: string | null }[];
  };
  tenant: {
    id: string;
    name: string;
    shortName: string;
    timeZone: string;
    hasLogo: boolean;
  } | null;
  csrfToken: string | null;
  mfaState: MfaState;
  mustChangePassword: boolean;
  capabilities: Partial<Record<Capability, boolean>>;
}

export interface LoginResult {
  mfaState: MfaState;
  mustChangePassword: boolean;
}

export type Permissions = Record<string, boolean>;

export interface Holder {
  assignmentId: string;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
  employee: { id: string; nip: string | null; fullName: string; grade: string | null };
}

export interface UnitSummary {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  type: UnitType;
  level: UnitLevel | null;
  code: string | null;
  sortOrder: number;
  archived: boolean;
  head: { positionId: string; title: string; holder: Holder | null } | null;
}

export interface Position {
  id: string;
  unitId: string | null;
  unitName: string | null;
  title: string;
  kind: PositionKind;
  headsUnit: boolean;
  superiorPositionId: string | null;
  archived: boolean;
  version: number;
  holder: Holder | null;
  permissions: Permissions;
}

export interface UnitDetail extends UnitSummary {
  path: string[];
  version: number;
  ancestors: { id: string; name: string }[];
  children: UnitSummary[];
  positions: Position[];
  permissions: Permissions;
}

export interface AssignmentRow {
  id: string;
  positionId: string;
  employeeId: string;
  employeeName: string;
  employeeNip: string | null;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
  decreeNumber: string | null;
  version: number;
  permissions: { update: boolean; delete: boolean };
}

export interface PositionDetail extends Position {
  superior: { positionId: string; title: string; holder: Holder | null } | null;
  assignments: AssignmentRow[];
}

export interface Employee {
  id: string;
  nip: string | null;
  frontTitle: string | null;
  name: string;
  backTitle: string | null;
  fullName: string;
  gender: 'L' | 'P';
  employeeType: EmployeeType;
  grade: string | null;
  email: string | null;
  phone: string | null;
  archived: boolean;
  version: number;
  currentPositions: {
    positionId: string;
    title: string;
    unitName: string | null;
    kind: AssignmentKind;
  }[];
  permissions: Permissions;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'ok' | 'refused';
  data: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  nextBefore: number | null;
}

export interface AuditVerifyResult {
  events: number;
  intact: boolean;
  firstBreak: { seq: number; eventId: string; reason: string } | null;
}

export interface Tenant {
  id: string;
  name: string;
  shortName: string;
  type: TenantType;
  regionCode: string;
  timeZone: TimeZone;
  hasLogo: boolean;
  settings: { security: { requireTotpForAdmins: boolean; requireTotpForSigners: boolean } };
  archived: boolean;
  version: number;
  createdAt: string;
  permissions: Permissions;
}

/** A user as the users API sends it. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  locked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  employee: { id: string; nip: string | null; fullName: string } | null;
  roles: {
    id: string;
    role: RoleName;
    unitId: string | null;
    unitName: string | null;
    permissions: Permissions;
  }[];
  version: number;
  createdAt: string;
  permissions: Permissions;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: ('read' | 'write')[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}
