import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import type { AuditAction } from './actions.js';
import { GENESIS_HASH, hashEvent, PLATFORM_CHAIN } from './hash-chain.js';
import { auditEvents } from './schema.js';

/** The actor of events written by the system itself (demo seed, CLI set-up). */
export interface AuditActor {
  userId: string | null;
  username: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'sistem' };

export interface AuditInput {
  tenantId: string | null;
  /** Who acted; null for an unknown sign-in name; SYSTEM_ACTOR for the system itself. */
  actor: AuditActor | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  outcome?: 'ok' | 'refused';
  data?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends one event to the tenant's chain inside the caller's transaction, so the event exists
 * exactly when the change it records does. The head row's lock orders concurrent appends.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const chainKey = input.tenantId ?? PLATFORM_CHAIN;
  await tx.execute(
    sql`insert into audit_heads (chain_key, seq, hash) values (${chainKey}, 0, ${GENESIS_HASH})
        on conflict (chain_key) do nothing`,
  );
  const [row] = await queryRows<{ seq: string | number; hash: string }>(
    tx,
    sql`select seq, hash from audit_heads where chain_key = ${chainKey} for update`,
  );
  if (!row) throw new Error('audit head missing');
  const event = {
    tenantId: input.tenantId,
    seq: Number(row.seq) + 1,
    at: new Date(),
    actorUserId: input.actor?.userId ?? null,
    actorLabel: input.actor?.username ?? 'anonim',
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    outcome: input.outcome ?? 'ok',
    data: input.data ?? {},
    ip: input.ip ?? null,
    prevHash: row.hash,
  } as const;
  const hash = hashEvent(event);
  await tx.insert(auditEvents).values({ id: newId(), ...event, hash });
  await tx.execute(
    sql`update audit_heads set seq = ${event.seq}, hash = ${hash} where chain_key = ${chainKey}`,
  );
}
