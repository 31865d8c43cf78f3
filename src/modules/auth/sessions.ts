import { eq, sql } from 'drizzle-orm';
import { type Database, queryRows, type Tx } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import type { Actor, Grant } from '../access/actor.js';
import { randomToken, sha256Hex } from './random-tokens.js';
import { apiTokens, sessions } from './schema.js';

export type MfaState = 'passed' | 'pending' | 'setup_required';

export interface NewSession {
  /** The secret that goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  mfaState: MfaState;
}

export async function createSession(
  tx: Tx,
  config: Config,
  input: {
    userId: string;
    tenantId: string | null;
    mfaState: MfaState;
    ip: string | null;
    userAgent: string | null;
    /** Kept when a session is renewed, so the open page's next write still carries a valid one. */
    csrfToken?: string | null;
  },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = input.csrfToken ?? randomToken();
  const expiresAt = new Date(Date.now() + config.SESSION_MAX_HOURS * 3_600_000);
  await tx.insert(sessions).values({
    id: sha256Hex(token),
    userId: input.userId,
    tenantId: input.tenantId,
    csrfToken,
    mfaState: input.mfaState,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt, mfaState: input.mfaState };
}

export interface ResolvedSession {
  sessionId: string;
  /** The tenant's organisation version at the start of the request (see tenants.org_version). */
  orgVersion: number | null;
  csrfToken: string;
  mfaState: MfaState;
  mustChangePassword: boolean;
  actor: Actor;
}

interface SessionRow extends Record<string, unknown> {
  id: string;
  csrf_token: string;
  mfa_state: MfaState;
  last_seen_at: Date | string;
  expires_at: Date | string;
  user_id: string;
  tenant_id: string | null;
  time_zone: string | null;
  org_version: string | number | null;
  username: string;
  display_name: string;
  is_platform_admin: boolean;
  must_change_password: boolean;
  grants: Grant[] | string;
}

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const asGrants = (v: Grant[] | string): Grant[] => (typeof v === 'string' ? JSON.parse(v) : v);

// One round trip per request: session, user and grants together. Disabled users, archived
// tenants and expired sessions yield no row.
const grantsSql = sql`coalesce((select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id))
  from role_grants g where g.user_id = u.id and g.tenant_id = u.tenant_id), '[]'::json)`;

/**
 * Finds the session behind a cookie token, enforcing idle and absolute expiry. The last-seen
 * time is written at most once a minute to keep reads cheap.
 */
export async function resolveSession(
  database: Database,
  config: Config,
  token: string,
): Promise<ResolvedSession | null> {
  const id = sha256Hex(token);
  const [row] = await queryRows<SessionRow>(
    database.unsafeOwnerDb,
    // session_lookup (migration 0006): sessions ⋈ users ⋈ tenants + grants, plan kept.
    sql`select * from session_lookup(${id})`,
  );
  if (!row) return null;
  const now = Date.now();
  const lastSeen = asDate(row.last_seen_at).getTime();
  if (
    asDate(row.expires_at).getTime() <= now ||
    now - lastSeen > config.SESSION_IDLE_MINUTES * 60_000
  ) {
    await database.unsafeOwnerDb.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - lastSeen > 60_000) {
    await database.unsafeOwnerDb
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    sessionId: id,
    orgVersion: row.org_version === null ? null : Number(row.org_version),
    csrfToken: row.csrf_token,
    mfaState: row.mfa_state,
    mustChangePassword: row.must_change_password,
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      tenantId: row.tenant_id,
      timeZone: row.time_zone ?? 'Asia/Jakarta',
      isPlatformAdmin: row.is_platform_admin,
      grants: asGrants(row.grants),
      via: 'session',
      scopes: ['read', 'write'],
    },
  };
}

export const TOKEN_PREFIX = 'amanah_pat_';

interface TokenRow extends SessionRow {
  token_id: string;
  scopes: string[];
  last_used_at: Date | string | null;
}

/** Resolves a personal API token (Authorization: Bearer amanah_pat_…). */
export async function resolveApiToken(database: Database, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await queryRows<TokenRow>(
    database.unsafeOwnerDb,
    sql`
    select k.id as token_id, k.scopes, k.last_used_at,
           u.id as user_id, u.tenant_id, t.time_zone, u.username, u.display_name,
           u.is_platform_admin, ${grantsSql} as grants
      from api_tokens k
      join users u on u.id = k.user_id and u.status = 'active' and not u.must_change_password
      join tenants t on t.id = k.tenant_id and t.archived_at is null
     where k.token_hash = ${sha256Hex(token)} and k.revoked_at is null
       and (k.expires_at is null or k.expires_at > now())`,
  );
  if (!row) return null;
  const lastUsed = row.last_used_at ? asDate(row.last_used_at).getTime() : 0;
  if (Date.now() - lastUsed > 60_000) {
    await database.unsafeOwnerDb
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(eq(apiTokens.tokenHash, sha256Hex(token)));
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    tenantId: row.tenant_id,
    timeZone: row.time_zone ?? 'Asia/Jakarta',
    isPlatformAdmin: false,
    grants: asGrants(row.grants),
    via: 'token',
    scopes: row.scopes.filter((s): s is 'read' | 'write' => s === 'read' || s === 'write'),
  };
}

export const sessionExpired = () =>
  new AppError('SESSION_EXPIRED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
