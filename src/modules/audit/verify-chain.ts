import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.js';
import { type ChainBreak, findFirstBreak, PLATFORM_CHAIN } from './hash-chain.js';
import { auditEvents } from './schema.js';

export interface ChainReport {
  tenantId: string | null;
  events: number;
  firstBreak: ChainBreak | null;
}

/** Reads one chain in pages, in seq order, and reports the first broken link. */
export async function verifyChain(db: Queryable, tenantId: string | null): Promise<ChainReport> {
  const pageSize = 5000;
  let lastSeq = 0;
  let count = 0;
  const all: Parameters<typeof findFirstBreak>[0] extends Iterable<infer E> ? E[] : never = [];
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          tenantId ? eq(auditEvents.tenantId, tenantId) : isNull(auditEvents.tenantId),
          gt(auditEvents.seq, lastSeq),
        ),
      )
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) all.push(row);
    count += rows.length;
    if (rows.length < pageSize) break;
    lastSeq = rows[rows.length - 1]!.seq;
  }
  const firstBreak = findFirstBreak(all);
  if (firstBreak) return { tenantId, events: count, firstBreak };
  // A removed *last* event leaves no gap behind it: only the head row, which records the last
  // link written, tells.
  const [head] = await queryRows<{ seq: string | number; hash: string }>(
    db,
    sql`select seq, hash from audit_heads where chain_key = ${tenantId ?? PLATFORM_CHAIN}`,
  );
  const last = all[all.length - 1];
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== (last?.seq ?? 0) || (head && last && head.hash !== last.hash)) {
    return {
      tenantId,
      events: count,
      firstBreak: { seq: headSeq, eventId: null, reason: 'head_mismatch' },
    };
  }
  return { tenantId, events: count, firstBreak: null };
}
