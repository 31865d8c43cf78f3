import type { Database, Tx } from '../../db/client.js';
import { type AuditInput, recordAudit } from '../audit/record-audit.js';
import type { Actor } from './actor.js';

/**
 * What every tenant use case receives: the open transaction (already confined to the tenant by
 * row-level security), the acting user, and an audit writer bound to both.
 */
export interface TenantContext {
  tx: Tx;
  tenantId: string;
  actor: Actor;
  ip: string | null;
  audit(event: Omit<AuditInput, 'tenantId' | 'actor' | 'ip'>): Promise<void>;
}

export function runInTenant<T>(
  database: Database,
  actor: Actor,
  tenantId: string,
  ip: string | null,
  fn: (ctx: TenantContext) => Promise<T>,
): Promise<T> {
  return database.withTenant(tenantId, (tx) =>
    fn({
      tx,
      tenantId,
      actor,
      ip,
      audit: (event) => recordAudit(tx, { ...event, tenantId, actor, ip }),
    }),
  );
}
