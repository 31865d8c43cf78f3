import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { AddItemsInput } from './ceremony-schemas.js';
import { findCeremony } from './load-ceremony.js';
import { ceremonies, ceremonyItems } from './schema.js';
import { assertOpen } from './update-ceremony.js';

/**
 * Puts items into a ceremony after `sort_order`, skipping those already in it. Shared by
 * creation (the automatic participants) and by the admin adding PKs or pacts by hand.
 */
export async function insertItems(
  ctx: TenantContext,
  ceremonyId: string,
  items: { agreementId?: string; pactId?: string }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const [last] = await queryRows<{ max: number | null }>(
    ctx.tx,
    sql`select max(sort_order) as max from ceremony_items
         where tenant_id = ${ctx.tenantId} and ceremony_id = ${ceremonyId}`,
  );
  const start = (last?.max ?? -1) + 1;
  const inserted = await ctx.tx
    .insert(ceremonyItems)
    .values(
      items.map((item, i) => ({
        tenantId: ctx.tenantId,
        ceremonyId,
        agreementId: item.agreementId ?? null,
        pactId: item.pactId ?? null,
        sortOrder: start + i,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: ceremonyItems.id });
  return inserted.length;
}

/**
 * Adds PKs and Pakta Integritas by hand. They must be of the ceremony's fiscal year; one not of
 * this tenant answers 404 like a missing one. Whether they can be signed yet is the
 * pre-flight's business, not a refusal here: the admin may add a PK still being verified.
 */
export async function addItems(
  ctx: TenantContext,
  ceremonyId: string,
  input: AddItemsInput,
): Promise<{ added: number }> {
  assertCan(ctx.actor, 'ceremonies.manage');
  const ceremony = await findCeremony(ctx, ceremonyId, { lock: true });
  assertOpen(ceremony);
  const agreementIds = [...new Set(input.agreementIds ?? [])];
  const pactIds = [...new Set(input.pactIds ?? [])];
  if (agreementIds.length + pactIds.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Pilih minimal satu PK atau Pakta Integritas.', {
      fields: [{ path: 'agreementIds', message: 'pilih minimal satu' }],
    });
  }
  if (agreementIds.length > 0) {
    const found = await queryRows<{ id: string; year: number; status: string }>(
      ctx.tx,
      sql`select a.id, y.year, a.status from agreements a
            join agreement_years y on y.tenant_id = a.tenant_id and y.id = a.year_id
           where a.tenant_id = ${ctx.tenantId}
             and a.id = any(${sql.param(agreementIds)}::uuid[])`,
    );
    if (found.length !== agreementIds.length) throw notFound('Perjanjian Kinerja');
    const wrong = found.filter((a) => a.year !== ceremony.fiscalYear || a.status === 'superseded');
    if (wrong.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Hanya PK tahun ${ceremony.fiscalYear} yang berlaku (bukan yang sudah digantikan) yang dapat dimasukkan ke acara ini.`,
        { fields: [{ path: 'agreementIds', message: 'PK tidak sesuai tahun acara' }] },
      );
    }
  }
  if (pactIds.length > 0) {
    const found = await queryRows<{ id: string; fiscal_year: number; status: string }>(
      ctx.tx,
      sql`select id, fiscal_year, status from integrity_pacts
           where tenant_id = ${ctx.tenantId} and id = any(${sql.param(pactIds)}::uuid[])`,
    );
    if (found.length !== pactIds.length) throw notFound('Pakta Integritas');
    if (found.some((p) => p.fiscal_year !== ceremony.fiscalYear || p.status === 'void')) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Hanya Pakta Integritas tahun ${ceremony.fiscalYear} yang tidak dibatalkan yang dapat dimasukkan ke acara ini.`,
        { fields: [{ path: 'pactIds', message: 'Pakta Integritas tidak sesuai tahun acara' }] },
      );
    }
  }
  const added = await insertItems(ctx, ceremonyId, [
    ...agreementIds.map((agreementId) => ({ agreementId })),
    ...pactIds.map((pactId) => ({ pactId })),
  ]);
  if (added > 0) await touch(ctx, ceremonyId);
  await ctx.audit({
    action: 'ceremony.items_update',
    entityType: 'ceremony',
    entityId: ceremonyId,
    data: { added, agreementIds, pactIds },
  });
  return { added };
}

/** Takes one item out of a ceremony (the PK or pact itself is untouched). */
export async function removeItem(
  ctx: TenantContext,
  ceremonyId: string,
  itemId: string,
): Promise<void> {
  assertCan(ctx.actor, 'ceremonies.manage');
  const ceremony = await findCeremony(ctx, ceremonyId, { lock: true });
  const [item] = await ctx.tx
    .select()
    .from(ceremonyItems)
    .where(
      and(
        eq(ceremonyItems.tenantId, ctx.tenantId),
        eq(ceremonyItems.ceremonyId, ceremonyId),
        eq(ceremonyItems.id, itemId),
      ),
    );
  if (!item) throw notFound('Dokumen acara');
  assertOpen(ceremony);
  await ctx.tx
    .delete(ceremonyItems)
    .where(and(eq(ceremonyItems.tenantId, ctx.tenantId), eq(ceremonyItems.id, itemId)));
  await touch(ctx, ceremonyId);
  await ctx.audit({
    action: 'ceremony.items_update',
    entityType: 'ceremony',
    entityId: ceremonyId,
    data: { removed: { itemId, agreementId: item.agreementId, pactId: item.pactId } },
  });
}

/** A change of the items is a change of the ceremony: its version moves (open screens reload). */
async function touch(ctx: TenantContext, ceremonyId: string): Promise<void> {
  await ctx.tx
    .update(ceremonies)
    .set({ version: sql`${ceremonies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, ceremonyId)));
}
