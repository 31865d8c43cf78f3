import type { z } from 'zod';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { ensureAgreementDocument } from '../documents/ensure-agreement-document.js';
import { ensurePactDocument } from '../integrity/ensure-pact-document.js';
import type { prepareResultSchema } from './ceremony-schemas.js';
import { findCeremony, type ItemRecord, loadItems } from './load-ceremony.js';
import { assertOpen } from './update-ceremony.js';

/** Opens one tenant transaction (the route's inTenant): prepare uses several, one per chunk. */
export type TenantRunner = <T>(fn: (ctx: TenantContext) => Promise<T>) => Promise<T>;

type PrepareResult = z.infer<typeof prepareResultSchema>;

/**
 * Documents made per transaction. Each render takes ~0.1–0.3 s: a chunk commits every couple
 * of seconds, so a long preparation keeps what it made if it is interrupted, and a failing
 * document only costs its own savepoint.
 */
export const PREPARE_CHUNK = 8;

/**
 * Makes the PDF of every ready item that has none yet, before the ceremony, so nobody waits
 * for a render at the venue. Items not ready are counted, not refused (the pre-flight lists
 * them). Each document is made in a savepoint: one that fails is reported and the others go on.
 * With a time budget (the HTTP route: a request should not outlive a proxy's timeout) it stops
 * between chunks and says how many are left; calling again carries on.
 */
export async function prepareCeremony(
  run: TenantRunner,
  config: Config,
  id: string,
  options: { budgetMs?: number } = {},
): Promise<PrepareResult> {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const todo = await run(async (ctx) => {
    assertCan(ctx.actor, 'ceremonies.manage');
    const row = await findCeremony(ctx, id);
    assertOpen(row);
    return loadItems(ctx.tx, ctx.tenantId, id);
  });
  const missing = todo.filter((i) => i.status === 'no_document');
  const result: PrepareResult = {
    issued: 0,
    existing: todo.filter((i) => i.document !== null).length,
    notReady: todo.filter((i) => i.status === 'not_ready').length,
    failed: [],
    remaining: 0,
  };
  for (let start = 0; start < missing.length; start += PREPARE_CHUNK) {
    if (performance.now() - started > budgetMs) {
      result.remaining = missing.length - start;
      break;
    }
    const chunk = missing.slice(start, start + PREPARE_CHUNK);
    await run(async (ctx) => {
      let issued = 0;
      for (const item of chunk) {
        try {
          await ctx.tx.transaction((savepoint) =>
            ensureDocument(
              {
                ...ctx,
                tx: savepoint,
                audit: (event) =>
                  recordAudit(savepoint, {
                    ...event,
                    tenantId: ctx.tenantId,
                    actor: ctx.actor,
                    ip: ctx.ip,
                  }),
              },
              config,
              item,
            ),
          );
          issued++;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          result.failed.push({ title: item.title, message: error.message });
        }
      }
      result.issued += issued;
      await ctx.audit({
        action: 'ceremony.prepare',
        entityType: 'ceremony',
        entityId: id,
        data: { issued, failed: chunk.length - issued, chunk: start / PREPARE_CHUNK + 1 },
      });
    });
  }
  return result;
}

function ensureDocument(ctx: TenantContext, config: Config, item: ItemRecord): Promise<unknown> {
  if (item.agreementId) return ensureAgreementDocument(ctx, config, item.agreementId);
  if (item.pactId) return ensurePactDocument(ctx, config, item.pactId);
  return Promise.resolve();
}
