import type { Actor } from '../access/actor.js';
import { can } from '../access/policy.js';
import type { tenants } from './schema.js';
import { readTenantSettings } from './settings.js';

export function viewTenant(actor: Actor, t: typeof tenants.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    shortName: t.shortName,
    type: t.type,
    regionCode: t.regionCode,
    timeZone: t.timeZone,
    hasLogo: t.logo !== null,
    settings: readTenantSettings(t.settings),
    archived: t.archivedAt !== null,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    permissions: {
      update: actor.isPlatformAdmin || can(actor, 'tenant.manage'),
    },
  };
}
