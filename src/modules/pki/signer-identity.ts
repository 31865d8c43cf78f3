import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { AssignmentKind } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import { users } from '../auth/schema.js';
import { todayIn } from '../org/holders.js';
import { formatFullName } from '../org/names.js';
import { assignments, employees, positions } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

/** Who a certificate is issued to, as it will be frozen into the certificate. */
export interface SignerIdentity {
  employeeId: string;
  /** Name with titles: "Dr. Budi Santoso, S.T., M.M.". */
  fullName: string;
  /** Bare name, for the passphrase check (titles are not guessable words). */
  name: string;
  /** Empty for a pejabat negara (Kepala Daerah), who has no NIP. */
  nip: string;
  /** The position held today, "Plt. " / "Plh. " / "Pj. " in front when acting; empty when none. */
  jabatan: string;
  tenantName: string;
}

export const actingPrefixes: Record<AssignmentKind, string> = {
  definitif: '',
  plt: 'Plt. ',
  plh: 'Plh. ',
  pj: 'Pj. ',
};

/** The acting kinds in order of weight: a definitif post is the jabatan when one is held. */
const kindRank: Record<AssignmentKind, number> = { definitif: 0, pj: 1, plt: 2, plh: 3 };

/** The employee linked to this account, or a 409 saying how to get linked. */
export async function linkedEmployeeId(tx: Tx, tenantId: string, userId: string): Promise<string> {
  const [user] = await tx
    .select({ employeeId: users.employeeId })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user?.employeeId) {
    throw new AppError(
      'NOT_ENROLLED',
      'Akun Anda belum terhubung dengan data pegawai; minta admin menautkannya.',
      { reason: 'not_linked' },
    );
  }
  return user.employeeId;
}

export async function signerIdentity(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  timeZone: string,
): Promise<SignerIdentity> {
  const [row] = await tx
    .select({ employee: employees, tenantName: tenants.name })
    .from(employees)
    .innerJoin(tenants, eq(tenants.id, employees.tenantId))
    .where(and(eq(employees.tenantId, tenantId), eq(employees.id, employeeId)));
  if (!row) throw notFound('Pegawai');
  const today = todayIn(timeZone);
  const held = await tx
    .select({ kind: assignments.kind, title: positions.title, startDate: assignments.startDate })
    .from(assignments)
    .innerJoin(
      positions,
      and(eq(positions.tenantId, assignments.tenantId), eq(positions.id, assignments.positionId)),
    )
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.employeeId, employeeId),
        lte(assignments.startDate, today),
        or(isNull(assignments.endDate), gte(assignments.endDate, today)),
      ),
    )
    .orderBy(desc(assignments.startDate));
  const current = held.sort((a, b) => kindRank[a.kind] - kindRank[b.kind])[0];
  return {
    employeeId,
    fullName: formatFullName(row.employee),
    name: row.employee.name,
    nip: row.employee.nip ?? '',
    jabatan: current ? `${actingPrefixes[current.kind]}${current.title}` : '',
    tenantName: row.tenantName,
  };
}
