import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { pactDetailSchema } from './integrity-schemas.js';
import { queryPacts } from './list-pacts.js';

/** One pact with its clause text. */
export async function getPact(
  ctx: TenantContext,
  id: string,
): Promise<z.infer<typeof pactDetailSchema>> {
  assertCan(ctx.actor, 'integrity.read');
  const { items } = await queryPacts(ctx, sql`ip.id = ${id}`);
  const [pact] = items;
  if (!pact) throw notFound('Pakta Integritas');
  return pact;
}
