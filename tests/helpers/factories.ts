import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import type { Grant } from '../../src/modules/access/actor.js';
import { createUser } from '../../src/modules/auth/users/create-user.js';
import { createTenant } from '../../src/modules/tenants/create-tenant.js';

export const TEST_PASSWORD = 'rahasia-uji-2026';

let regionCounter = 10;
const nextRegion = () => {
  regionCounter += 1;
  return `${String(10 + (regionCounter % 80)).padStart(2, '0')}.${String(regionCounter % 100).padStart(2, '0')}`;
};
export const uniqueName = (prefix: string) => `${prefix}${randomBytes(3).toString('hex')}`;

export interface TestTenant {
  tenantId: string;
  adminUsername: string;
}

/** A Pemda with one unscoped admin (password TEST_PASSWORD). */
export async function createTestTenant(
  database: Database,
  name = uniqueName('Kota Uji '),
): Promise<TestTenant> {
  const adminUsername = uniqueName('admin.');
  const tenantId = await database.withSystem(async (tx) => {
    const id = await createTenant(tx, null, {
      name,
      shortName: name.slice(0, 40),
      type: 'kota',
      regionCode: `${nextRegion()}`,
      timeZone: 'Asia/Jakarta',
    });
    await createUser(tx, null, {
      tenantId: id,
      username: adminUsername,
      displayName: `Admin ${name}`,
      password: TEST_PASSWORD,
      grants: [{ role: 'admin_pemda', unitId: null }],
    });
    return id;
  });
  return { tenantId, adminUsername };
}

export async function createTestUser(
  database: Database,
  tenantId: string | null,
  grants: Grant[],
  username = uniqueName('user.'),
): Promise<string> {
  await database.withSystem((tx) =>
    createUser(tx, null, {
      tenantId,
      username,
      displayName: `Pengguna ${username}`,
      password: TEST_PASSWORD,
      grants,
    }),
  );
  return username;
}

/** NIP generator that always validates: birth 1980-01-01 + TMT 2005-01 + sex + sequence. */
let nipSeq = 0;
export function validNip(sex: 'L' | 'P' = 'L'): string {
  nipSeq += 1;
  const birthDay = String(1 + (nipSeq % 28)).padStart(2, '0');
  return `198001${birthDay}200501${sex === 'L' ? '1' : '2'}${String(1 + (nipSeq % 998)).padStart(3, '0')}`;
}
