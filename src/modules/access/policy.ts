import { AppError } from '../../shared/errors.js';
import type { Role } from '../auth/schema.js';
import type { TenantSettings } from '../tenants/settings.js';
import type { Actor, Grant } from './actor.js';

/**
 * The one place that decides who may do what. Routes call assertCan before a use case runs;
 * responses carry the *Permissions objects below so the web app never re-implements a rule.
 */
export type Action =
  | 'org.read'
  | 'org.write'
  | 'employees.write'
  | 'users.read'
  | 'users.manage'
  | 'audit.read'
  | 'tenant.read'
  | 'tenant.manage'
  | 'platform.tenants'
  | 'tokens.read'
  | 'tokens.create'
  | 'tokens.revoke'
  | 'plans.read'
  | 'plans.write'
  | 'renstra.write'
  | 'agreements.read'
  | 'agreements.write'
  | 'agreements.review'
  | 'agreements.years'
  | 'documents.read'
  | 'signing.self'
  | 'signing.resolve'
  | 'certificates.manage'
  | 'integrity.read'
  | 'integrity.write'
  | 'integrity.clauses'
  | 'ceremonies.read'
  | 'ceremonies.manage'
  | 'monitoring.read'
  | 'realisasi.write'
  | 'realisasi.approve'
  | 'realisasi.verify'
  | 'realisasi.unlock'
  | 'monitoring.notes';

/** Which roles grant an action. A unit-scoped grant covers only that unit's subtree. */
const grantsFor: Record<Action, readonly Role[]> = {
  'org.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'org.write': ['admin_pemda'],
  'employees.write': ['admin_pemda'],
  'users.read': ['admin_pemda'],
  'users.manage': ['admin_pemda'],
  'audit.read': ['admin_pemda', 'evaluator'],
  'tenant.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'tenant.manage': ['admin_pemda'],
  'platform.tenants': [],
  // Personal API tokens: every user of a tenant manages their own, whatever their roles.
  'tokens.read': [],
  'tokens.create': [],
  'tokens.revoke': [],
  // Planning: Bappeda (perencana) keeps the RPJMD; each PD keeps its own Renstra.
  'plans.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'plans.write': ['admin_pemda', 'perencana'],
  'renstra.write': ['admin_pemda', 'perencana', 'pimpinan_unit', 'operator_unit'],
  // Perjanjian Kinerja: the PD drafts its own (unit-scoped); Bagian Organisasi (admin Pemda)
  // and Bappeda review; the admin opens the PK year.
  'agreements.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'agreements.write': ['admin_pemda', 'pimpinan_unit', 'operator_unit'],
  'agreements.review': ['admin_pemda', 'perencana'],
  'agreements.years': ['admin_pemda'],
  // Documents and signing. Who signs a document is decided by the document (its parties), not
  // by a role: see signerMayAct below. A PK's PDF is readable wherever the PK is.
  'documents.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  // Enrolling, one's own certificate, "Tugas Saya" and signing: every person, from a session.
  'signing.self': [],
  // A remote sign request with an unknown outcome is resolved by the admin after checking.
  'signing.resolve': ['admin_pemda'],
  'certificates.manage': ['admin_pemda'],
  // Pakta Integritas: the admin keeps the clauses; a unit (scoped) makes its employees' pacts.
  'integrity.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'integrity.write': ['admin_pemda', 'pimpinan_unit', 'operator_unit'],
  'integrity.clauses': ['admin_pemda'],
  'ceremonies.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'ceremonies.manage': ['admin_pemda'],
  // Quarterly monitoring: the PD fills its own realisasi (unit-scoped); the head of the unit
  // approves (unit-scoped); Bagian Organisasi (admin Pemda) or the Inspektorat (evaluator)
  // verifies; the admin reopens a locked quarter. Dashboards are read by everyone in the Pemda.
  'monitoring.read': [
    'admin_pemda',
    'perencana',
    'kepala_daerah',
    'pimpinan_unit',
    'operator_unit',
    'evaluator',
    'viewer',
  ],
  'realisasi.write': ['admin_pemda', 'pimpinan_unit', 'operator_unit'],
  'realisasi.approve': ['pimpinan_unit'],
  'realisasi.verify': ['admin_pemda', 'evaluator'],
  'realisasi.unlock': ['admin_pemda'],
  // Supervisory notes of pihak kedua: the Kepala Daerah on any unit, a head on their subtree.
  'monitoring.notes': ['kepala_daerah', 'pimpinan_unit'],
};

const selfServiceActions: ReadonlySet<Action> = new Set([
  'tokens.read',
  'tokens.create',
  'tokens.revoke',
  'signing.self',
]);

const isReadAction = (action: Action): boolean =>
  action.endsWith('.read') || action === 'platform.tenants';

export interface Target {
  /** Path (root → unit) of the unit the object sits in; absent for tenant-wide objects. */
  unitPath?: readonly string[] | null;
}

export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  if (actor.via === 'token') {
    const scope = isReadAction(action) ? ['read', 'write'] : ['write'];
    if (!actor.scopes.some((s) => scope.includes(s))) return false;
  }
  if (action === 'platform.tenants') return actor.isPlatformAdmin;
  if (selfServiceActions.has(action)) {
    // Only a session may mint a token, so a leaked token cannot renew itself.
    // Signing needs a person at a session too: an API token never signs or enrols.
    const sessionOnly = action === 'tokens.create' || action === 'signing.self';
    return actor.tenantId !== null && (!sessionOnly || actor.via === 'session');
  }
  if (actor.tenantId === null) return false;
  const roles = grantsFor[action];
  return actor.grants.some((grant) => {
    if (!roles.includes(grant.role)) return false;
    if (grant.unitId === null) return true;
    // Read access of a scoped grant still covers the whole tenant's structure (it is public
    // inside the Pemda); writes stay inside the subtree.
    if (isReadAction(action)) return true;
    return target.unitPath?.includes(grant.unitId) ?? false;
  });
}

/** What a refusal says when the generic sentence would leave a person guessing who may act. */
const deniedMessages: Partial<Record<Action, string>> = {
  'realisasi.write':
    'Hanya operator atau kepala unit pemilik PK ini (atau unit di atasnya) yang dapat mengisi, mengajukan, atau melampirkan bukti realisasinya.',
  'realisasi.approve':
    'Laporan triwulan disetujui oleh kepala unit pemilik PK ini atau unit di atasnya.',
  'realisasi.verify': 'Verifikasi laporan triwulan dilakukan oleh admin Pemda atau Inspektorat.',
  'realisasi.unlock': 'Permohonan buka kunci diputuskan oleh admin Pemda.',
  'monitoring.notes':
    'Catatan supervisi ditulis oleh pihak kedua: Kepala Daerah, atau kepala unit atas unit di bawahnya.',
};

export function assertCan(actor: Actor, action: Action, target: Target = {}): void {
  if (!can(actor, action, target)) {
    throw new AppError(
      'FORBIDDEN',
      deniedMessages[action] ?? 'Anda tidak memiliki hak untuk tindakan ini.',
      { action },
    );
  }
}

/** What the signed-in user may do in general: drives the navigation of the web app. */
export function capabilities(actor: Actor) {
  return {
    readOrg: can(actor, 'org.read'),
    manageOrg: actor.grants.some((g) => g.role === 'admin_pemda') && can(actor, 'org.read'),
    manageUsers: can(actor, 'users.manage'),
    readAudit: can(actor, 'audit.read'),
    manageTenant: can(actor, 'tenant.manage'),
    managePlatform: can(actor, 'platform.tenants'),
    readPlans: can(actor, 'plans.read'),
    writeRpjmd: can(actor, 'plans.write'),
    writeRenstra: actor.grants.some((g) =>
      ['admin_pemda', 'perencana', 'pimpinan_unit', 'operator_unit'].includes(g.role),
    ),
    readAgreements: can(actor, 'agreements.read'),
    draftAgreements: actor.grants.some((g) =>
      ['admin_pemda', 'pimpinan_unit', 'operator_unit'].includes(g.role),
    ),
    reviewAgreements: can(actor, 'agreements.review'),
    manageAgreementYears: can(actor, 'agreements.years'),
    signDocuments: can(actor, 'signing.self'),
    manageCertificates: can(actor, 'certificates.manage'),
    readIntegrity: can(actor, 'integrity.read'),
    writeIntegrity: actor.grants.some((g) =>
      ['admin_pemda', 'pimpinan_unit', 'operator_unit'].includes(g.role),
    ),
    manageIntegrityClauses: can(actor, 'integrity.clauses'),
    readCeremonies: can(actor, 'ceremonies.read'),
    manageCeremonies: can(actor, 'ceremonies.manage'),
    readMonitoring: can(actor, 'monitoring.read'),
    fillRealisasi: actor.grants.some((g) =>
      ['admin_pemda', 'pimpinan_unit', 'operator_unit'].includes(g.role),
    ),
    approveRealisasi: actor.grants.some((g) => g.role === 'pimpinan_unit'),
    verifyRealisasi: can(actor, 'realisasi.verify'),
    grantUnlocks: can(actor, 'realisasi.unlock'),
    writeSupervisoryNotes: actor.grants.some((g) =>
      ['kepala_daerah', 'pimpinan_unit'].includes(g.role),
    ),
  };
}

export function unitPermissions(
  actor: Actor,
  unit: { path: readonly string[]; archived: boolean },
) {
  // Moving also needs write access at the new parent: checked when the move happens.
  const write = can(actor, 'org.write', { unitPath: unit.path });
  return {
    update: write && !unit.archived,
    createChild: write && !unit.archived,
    createPosition: write && !unit.archived,
    move: write && !unit.archived,
    archive: write && !unit.archived,
    restore: write && unit.archived,
  };
}

export function positionPermissions(
  actor: Actor,
  position: { unitPath: readonly string[] | null; archived: boolean },
) {
  const write = can(actor, 'org.write', { unitPath: position.unitPath });
  return {
    update: write && !position.archived,
    assign: write && !position.archived,
    archive: write && !position.archived,
    restore: write && position.archived,
  };
}

/**
 * Employees sit in units only through their assignments: a unit-scoped admin may edit those who
 * currently hold a position in their subtree, and may register new (unassigned) employees.
 */
export function canWriteEmployee(actor: Actor, unitPaths: readonly (readonly string[])[]): boolean {
  return (
    can(actor, 'employees.write') ||
    unitPaths.some((unitPath) => can(actor, 'employees.write', { unitPath }))
  );
}

export function canCreateEmployee(actor: Actor): boolean {
  return (
    can(actor, 'employees.write') ||
    (actor.grants.some((g) => g.role === 'admin_pemda') &&
      (actor.via === 'session' || actor.scopes.includes('write')))
  );
}

export function employeePermissions(
  actor: Actor,
  employee: { unitPaths: readonly (readonly string[])[]; archived: boolean },
) {
  const write = canWriteEmployee(actor, employee.unitPaths);
  return {
    update: write && !employee.archived,
    archive: write && !employee.archived,
    restore: write && employee.archived,
  };
}

export function userPermissions(
  actor: Actor,
  user: { id: string; status: 'active' | 'disabled'; locked: boolean },
) {
  const manage = can(actor, 'users.manage');
  const self = user.id === actor.userId;
  return {
    update: manage,
    // An admin cannot lock themselves out: no self-disable, and their own password goes
    // through "ganti kata sandi" (which asks for the current one).
    disable: manage && !self && user.status === 'active',
    enable: manage && user.status === 'disabled',
    manageRoles: manage,
    resetPassword: manage && !self,
    unlock: manage && user.locked,
  };
}

/**
 * Whether a role grant may be removed: never the acting admin's own last tenant-wide
 * admin_pemda grant, the one that lets them manage users at all.
 */
export function roleGrantPermissions(
  actor: Actor,
  user: { id: string; grants: readonly (Grant & { id: string })[] },
  grant: Grant & { id: string },
) {
  const manage = can(actor, 'users.manage');
  const isTenantAdmin = (g: Grant) => g.role === 'admin_pemda' && g.unitId === null;
  const ownLastAdmin =
    user.id === actor.userId &&
    isTenantAdmin(grant) &&
    !user.grants.some((g) => g.id !== grant.id && isTenantAdmin(g));
  return { revoke: manage && !ownLastAdmin };
}

/** Whether the tenant obliges this user to sign in with TOTP (the same rule sign-in applies). */
export function totpRequired(
  user: { isPlatformAdmin: boolean; roles: readonly Role[] },
  settings: TenantSettings | null,
): boolean {
  const isAdmin = user.isPlatformAdmin || user.roles.includes('admin_pemda');
  const isSigner = user.roles.includes('kepala_daerah') || user.roles.includes('pimpinan_unit');
  return (
    (isAdmin && (settings?.security.requireTotpForAdmins ?? false)) ||
    (isSigner && (settings?.security.requireTotpForSigners ?? false))
  );
}

/**
 * What may be done with a plan node (RPJMD when unitPath is null, else the PD's Renstra).
 * Archived nodes are read-only.
 */
export function planNodePermissions(
  actor: Actor,
  node: { unitPath: readonly string[] | null; archived: boolean },
) {
  const write =
    node.unitPath === null
      ? can(actor, 'plans.write')
      : can(actor, 'renstra.write', { unitPath: node.unitPath }) || can(actor, 'plans.write');
  return {
    update: write && !node.archived,
    createChild: write && !node.archived,
    archive: write && !node.archived,
    restore: write && node.archived,
  };
}

/** Whether the actor may write the Renstra of the unit at unitPath. */
export function canWriteRenstra(actor: Actor, unitPath: readonly string[]): boolean {
  return can(actor, 'renstra.write', { unitPath }) || can(actor, 'plans.write');
}

/**
 * What may be done with a PK. Drafting roles act inside their unit subtree (the Pemda PK, with no
 * unit, only tenant-wide); reviewers act on every PK. Signing and publishing come with the
 * signing feature (issue 4), never by hand here.
 */
export function agreementPermissions(
  actor: Actor,
  agreement: {
    unitPath: readonly string[] | null;
    status: string;
    hasOpenRevision: boolean;
  },
) {
  const target = { unitPath: agreement.unitPath };
  const draft = can(actor, 'agreements.write', target);
  const review = can(actor, 'agreements.review');
  const editable = agreement.status === 'draft' || agreement.status === 'returned';
  const signedLike = agreement.status === 'signed' || agreement.status === 'published';
  return {
    update: draft && editable,
    delete: draft && agreement.status === 'draft',
    submit: draft && editable,
    withdraw: draft && agreement.status === 'submitted',
    return: review && ['submitted', 'verified', 'ready_to_sign'].includes(agreement.status),
    verify: review && agreement.status === 'submitted',
    markReady: review && agreement.status === 'verified',
    revise: draft && signedLike && !agreement.hasOpenRevision,
  };
}

/**
 * What may be done with a quarter report of a PK whose unit sits at unitPath (null: the Pemda
 * PK). `locked`: the deadline passed and no unlock is in force. The head approves only inside
 * their subtree; verifiers (admin Pemda, evaluator) act tenant-wide.
 */
export function quarterReportPermissions(
  actor: Actor,
  report: { unitPath: readonly string[] | null; status: string; locked: boolean },
) {
  const target = { unitPath: report.unitPath };
  const write = can(actor, 'realisasi.write', target);
  const editable = report.status === 'draft' || report.status === 'returned';
  return {
    edit: write && editable && !report.locked,
    submit: write && editable && !report.locked,
    withdraw: write && report.status === 'submitted',
    approve: can(actor, 'realisasi.approve', target) && report.status === 'submitted',
    verify: can(actor, 'realisasi.verify') && report.status === 'approved',
    return:
      (can(actor, 'realisasi.approve', target) && report.status === 'submitted') ||
      (can(actor, 'realisasi.verify') && ['approved', 'verified'].includes(report.status)),
    requestUnlock: write && report.locked,
    grantUnlock: can(actor, 'realisasi.unlock'),
    writeNote: can(actor, 'monitoring.notes', target),
  };
}
