import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../shared/errors.js';
import { tenants } from '../../tenants/schema.js';
import { readTenantSettings, type TenantSettings } from '../../tenants/settings.js';
import { bsreClientConfig, bsreProvider } from './bsre.js';
import { builtinProvider } from './builtin.js';
import type { SigningProvider } from './types.js';

export async function readSigningSettings(
  database: Database,
  tenantId: string,
): Promise<TenantSettings['signing']> {
  const [row] = await database.withTenant(tenantId, (tx) =>
    tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)),
  );
  return readTenantSettings(row?.settings).signing;
}

/**
 * Who makes the tenant's signatures (settings.signing.provider). BSrE needs this server to be
 * configured for it (BSRE_URL and the client credentials); a tenant that chose it on a server
 * without them gets a clear refusal instead of a silent fallback to the built-in CA.
 */
export function providerFor(
  id: TenantSettings['signing']['provider'],
  deps: { database: Database; config: Config },
): SigningProvider {
  if (id === 'bsre') {
    const client = bsreClientConfig(deps.config);
    if (!client) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'Pemda ini memilih penandatanganan melalui BSrE, tetapi server belum dikonfigurasi untuk BSrE. Hubungi admin sistem.',
      );
    }
    return bsreProvider(deps, client);
  }
  return builtinProvider(deps);
}
