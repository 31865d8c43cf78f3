import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import { totpRequired } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { employees } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';
import { readTenantSettings, type TenantSettings } from '../tenants/settings.js';
import { isLocked, lockedError, recordFailedAttempt } from './failed-attempts.js';
import { timingDummyHash, verifyPassword } from './passwords.js';
import { roleGrants, users } from './schema.js';
import { createSession, type NewSession } from './sessions.js';

export interface SignInInput {
  identifier: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; session: NewSession; mustChangePassword: boolean }
  | { ok: false; error: AppError };

const invalid = () =>
  new AppError('INVALID_CREDENTIALS', 'Nama pengguna/NIP atau kata sandi salah.');

/**
 * Username or NIP plus password. Failures are counted per account; after LOGIN_MAX_FAILURES
 * in a row the account locks for LOGIN_LOCK_MINUTES. Every outcome is audited and committed,
 * so the result is returned rather than thrown.
 */
export async function signIn(
  database: Database,
  config: Config,
  input: SignInInput,
): Promise<SignInResult> {
  const identifier = input.identifier.trim().toLowerCase();
  return database.withSystem(async (tx) => {
    const byNip = /^[0-9]{18}$/.test(identifier);
    const found = await tx
      .select({ user: users })
      .from(users)
      .leftJoin(
        employees,
        and(eq(employees.tenantId, users.tenantId), eq(employees.id, users.employeeId)),
      )
      .where(byNip ? eq(employees.nip, identifier) : sql`lower(${users.username}) = ${identifier}`)
      .limit(2);
    if (found.length !== 1 || !found[0]) {
      await verifyPassword(await timingDummyHash(), input.password);
      await recordAudit(tx, {
        tenantId: null,
        actor: null,
        action: 'auth.login_failed',
        entityType: 'user',
        outcome: 'refused',
        // Only a hash-free hint of what was typed: never the password.
        data: {
          identifier: identifier.slice(0, 64),
          reason: found.length ? 'ambiguous' : 'unknown',
        },
        ip: input.ip,
      });
      return {
        ok: false,
        error:
          found.length > 1
            ? new AppError(
                'INVALID_CREDENTIALS',
                'NIP ini terdaftar di lebih dari satu Pemda; masuk dengan nama pengguna.',
              )
            : invalid(),
      };
    }
    const user = found[0].user;
    const audit = (action: 'auth.login' | 'auth.login_failed' | 'auth.locked', data = {}) =>
      recordAudit(tx, {
        tenantId: user.tenantId,
        actor: { userId: user.id, username: user.username },
        action,
        entityType: 'user',
        entityId: user.id,
        outcome: action === 'auth.login' ? 'ok' : 'refused',
        data,
        ip: input.ip,
      });
    const now = new Date();
    if (isLocked(user, now) && user.lockedUntil) {
      await verifyPassword(await timingDummyHash(), input.password);
      await audit('auth.login_failed', { reason: 'locked' });
      return { ok: false, error: lockedError(user.lockedUntil) };
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (!passwordOk || user.status !== 'active') {
      const { failures, lockedUntil } = await recordFailedAttempt(tx, config, user, now);
      await audit('auth.login_failed', {
        reason: user.status !== 'active' ? 'disabled' : 'password',
        failures,
      });
      if (lockedUntil) {
        await audit('auth.locked', { until: lockedUntil.toISOString() });
        return { ok: false, error: lockedError(lockedUntil) };
      }
      return {
        ok: false,
        error:
          user.status !== 'active' && passwordOk
            ? new AppError('INVALID_CREDENTIALS', 'Akun ini dinonaktifkan. Hubungi admin Pemda.')
            : invalid(),
      };
    }
    let settings: TenantSettings | null = null;
    if (user.tenantId) {
      const [tenant] = await tx
        .select({ archivedAt: tenants.archivedAt, settings: tenants.settings })
        .from(tenants)
        .where(eq(tenants.id, user.tenantId));
      if (!tenant || tenant.archivedAt) {
        return {
          ok: false,
          error: new AppError('INVALID_CREDENTIALS', 'Pemda ini sudah tidak aktif.'),
        };
      }
      settings = readTenantSettings(tenant.settings);
    }
    const grants = await tx
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(eq(roleGrants.userId, user.id));
    const required = totpRequired(
      { isPlatformAdmin: user.isPlatformAdmin, roles: grants.map((g) => g.role) },
      settings,
    );
    const mfaState = user.totpEnabledAt ? 'pending' : required ? 'setup_required' : 'passed';
    // The failure counter is reset only when sign-in is complete: a session still owing its
    // second factor must not wipe the count of wrong TOTP codes (verify-totp resets it).
    await tx
      .update(users)
      .set(
        mfaState === 'pending'
          ? { lastLoginAt: now }
          : { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
      )
      .where(eq(users.id, user.id));
    const session = await createSession(tx, config, {
      userId: user.id,
      tenantId: user.tenantId,
      mfaState,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await audit('auth.login', { mfa: mfaState });
    return { ok: true, session, mustChangePassword: user.mustChangePassword };
  });
}
