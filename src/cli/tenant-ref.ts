import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { tenants } from '../modules/tenants/schema.js';

export interface TenantRef {
  id: string;
  name: string;
  regionCode: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Pemda named on the command line by its id or by its Kemendagri region code ("71.74"). */
export async function findTenant(database: Database, ref: string): Promise<TenantRef | null> {
  const value = ref.trim();
  const column = uuidPattern.test(value) ? tenants.id : tenants.regionCode;
  const [row] = await database.withSystem((tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name, regionCode: tenants.regionCode })
      .from(tenants)
      .where(eq(column, value)),
  );
  return row ?? null;
}

export async function listTenants(database: Database): Promise<TenantRef[]> {
  return database.withSystem((tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name, regionCode: tenants.regionCode })
      .from(tenants)
      .orderBy(tenants.regionCode),
  );
}

export const describeTenant = (t: TenantRef): string => `${t.name} (${t.regionCode}, ${t.id})`;
