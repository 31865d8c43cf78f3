import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/schema.js';
import type { Actor } from './actor.js';
import { type Action, can, canCreateEmployee, capabilities, unitPermissions } from './policy.js';

const actor = (grants: [Role, string | null][], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  tenantId: 't',
  timeZone: 'Asia/Jakarta',
  isPlatformAdmin: false,
  grants: grants.map(([role, unitId]) => ({ role, unitId })),
  via: 'session',
  scopes: ['read', 'write'],
  ...extra,
});

const inDinas = { unitPath: ['dinas', 'bidang'] };
const elsewhere = { unitPath: ['badan'] };

describe('can', () => {
  it.each<[string, Actor, Action, object, boolean]>([
    ['admin writes anywhere', actor([['admin_pemda', null]]), 'org.write', elsewhere, true],
    ['admin manages users', actor([['admin_pemda', null]]), 'users.manage', {}, true],
    ['scoped admin writes inside', actor([['admin_pemda', 'dinas']]), 'org.write', inDinas, true],
    ['scoped admin not outside', actor([['admin_pemda', 'dinas']]), 'org.write', elsewhere, false],
    ['scoped admin not tenant-wide', actor([['admin_pemda', 'dinas']]), 'org.write', {}, false],
    ['scoped admin reads all', actor([['admin_pemda', 'dinas']]), 'org.read', elsewhere, true],
    ['scoped admin no users', actor([['admin_pemda', 'dinas']]), 'users.manage', {}, false],
    ['viewer reads', actor([['viewer', null]]), 'org.read', {}, true],
    ['viewer cannot write', actor([['viewer', null]]), 'org.write', inDinas, false],
    ['evaluator reads audit', actor([['evaluator', null]]), 'audit.read', {}, true],
    ['operator no audit', actor([['operator_unit', 'dinas']]), 'audit.read', {}, false],
    ['no grants, nothing', actor([]), 'org.read', {}, false],
    [
      'read token cannot write',
      actor([['admin_pemda', null]], { via: 'token', scopes: ['read'] }),
      'org.write',
      {},
      false,
    ],
    [
      'read token reads',
      actor([['admin_pemda', null]], { via: 'token', scopes: ['read'] }),
      'org.read',
      {},
      true,
    ],
    [
      'platform admin sees no tenant data',
      actor([], { tenantId: null, isPlatformAdmin: true }),
      'org.read',
      {},
      false,
    ],
    [
      'platform admin manages tenants',
      actor([], { tenantId: null, isPlatformAdmin: true }),
      'platform.tenants',
      {},
      true,
    ],
    [
      'admin Pemda is no platform admin',
      actor([['admin_pemda', null]]),
      'platform.tenants',
      {},
      false,
    ],
  ])('%s', (_label, who, action, target, expected) => {
    expect(can(who, action, target)).toBe(expected);
  });
});

describe('permissions sent to the web app', () => {
  it('an archived unit can only be restored', () => {
    const p = unitPermissions(actor([['admin_pemda', null]]), { path: ['x'], archived: true });
    expect(p).toEqual({
      update: false,
      createChild: false,
      createPosition: false,
      move: false,
      archive: false,
      restore: true,
    });
  });

  it('capabilities drive the navigation', () => {
    expect(capabilities(actor([['viewer', null]]))).toMatchObject({
      readOrg: true,
      manageOrg: false,
      manageUsers: false,
      readAudit: false,
    });
  });

  it('a scoped admin may register a new employee; a viewer may not', () => {
    expect(canCreateEmployee(actor([['admin_pemda', 'dinas']]))).toBe(true);
    expect(canCreateEmployee(actor([['viewer', null]]))).toBe(false);
  });
});
