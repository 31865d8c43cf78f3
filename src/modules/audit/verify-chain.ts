import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { type ChainBreak, findFirstBreak } from './hash-chain.js';
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
  return { tenantId, events: count, firstBreak: findFirstBreak(all) };
}
