import type { Tx } from '../../../db/client.js';
import { newId } from '../../../db/columns.js';
import { AppError } from '../../../shared/errors.js';
import type { Grant } from '../../access/actor.js';
import { type AuditActor, recordAudit } from '../../audit/record-audit.js';
import { assertPasswordStrength, hashPassword } from '../passwords.js';
import { roleGrants, users } from '../schema.js';

export interface CreateUserInput {
  tenantId: string | null;
  username: string;
  displayName: string;
  password: string;
  employeeId?: string | null;
  grants?: Grant[];
  mustChangePassword?: boolean;
  /** Demo and test accounts skip the strength rule; never set for real users. */
  skipStrengthCheck?: boolean;
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * Creates a user with its roles in the caller's transaction (tenant-scoped or system). Used by
 * the users API, the CLI's create-admin, platform tenant set-up and the demo seed.
 */
export async function createUser(
  tx: Tx,
  actor: AuditActor | null,
  input: CreateUserInput,
  ip: string | null = null,
): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf/angka.',
      { field: 'username' },
    );
  }
  if (!input.skipStrengthCheck) assertPasswordStrength(input.password, username);
  const id = newId();
  await tx.insert(users).values({
    id,
    tenantId: input.tenantId,
    username,
    displayName: input.displayName.trim(),
    employeeId: input.employeeId ?? null,
    passwordHash: await hashPassword(input.password),
    isPlatformAdmin: input.tenantId === null,
    mustChangePassword: input.mustChangePassword ?? false,
  });
  const grants = input.grants ?? [];
  if (grants.length > 0) {
    if (!input.tenantId)
      throw new AppError('VALIDATION_FAILED', 'Admin platform tidak memiliki peran Pemda.');
    await tx.insert(roleGrants).values(
      grants.map((g) => ({
        tenantId: input.tenantId as string,
        userId: id,
        role: g.role,
        unitId: g.unitId,
      })),
    );
  }
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actor,
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    data: {
      username,
      displayName: input.displayName,
      grants,
      employeeId: input.employeeId ?? null,
    },
    ip,
  });
  return id;
}
