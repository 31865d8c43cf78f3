import type { Role, TokenScope } from '../auth/schema.js';

/** One role of a user; `unitId` is the unit whose subtree it covers (null: the whole tenant). */
export interface Grant {
  role: Role;
  unitId: string | null;
}

/** Who is acting: resolved once per request by the auth plugin, passed to every use case. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  tenantId: string | null;
  /** The tenant's IANA zone (WIB/WITA/WIT); dates like "today" are computed in it. */
  timeZone: string;
  isPlatformAdmin: boolean;
  grants: Grant[];
  /** How the request authenticated. Tokens are limited to their scopes. */
  via: 'session' | 'token';
  scopes: readonly TokenScope[];
}

/** The actor used by the CLI and the demo seed: a system process acting in one tenant. */
export function systemActor(tenantId: string | null, label = 'sistem'): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: label,
    displayName: label,
    tenantId,
    timeZone: 'Asia/Jakarta',
    isPlatformAdmin: tenantId === null,
    grants: tenantId ? [{ role: 'admin_pemda', unitId: null }] : [],
    via: 'session',
    scopes: ['read', 'write'],
  };
}

export const isSystemActor = (actor: Actor): boolean =>
  actor.userId === '00000000-0000-0000-0000-000000000000';
