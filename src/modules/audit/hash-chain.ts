import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
/** Chain key of events that belong to no tenant (platform administration, unknown sign-ins). */
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';

export interface ChainedFields {
  tenantId: string | null;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'ok' | 'refused';
  data: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEvent(e: ChainedFields): string {
  const material = canonicalJson([
    e.prevHash,
    e.tenantId,
    e.seq,
    e.at.toISOString(),
    e.actorUserId,
    e.actorLabel,
    e.action,
    e.entityType,
    e.entityId,
    e.outcome,
    e.data,
    e.ip,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

export interface ChainBreak {
  seq: number;
  eventId: string | null;
  /** eventId is null for head_mismatch: the chain's head points past its last event. */
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
}

/** Walks events in seq order and returns the first broken link, or null when the chain holds. */
export function findFirstBreak(
  events: Iterable<ChainedFields & { id: string; hash: string }>,
): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: e.seq, eventId: e.id, reason: 'sequence_gap' };
    if (e.prevHash !== expectedPrev) {
      return { seq: e.seq, eventId: e.id, reason: 'prev_hash_mismatch' };
    }
    if (hashEvent(e) !== e.hash) return { seq: e.seq, eventId: e.id, reason: 'hash_mismatch' };
    expectedPrev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
