import { desc, eq } from 'drizzle-orm';
import type { Config } from '../../server/config.js';
import { publicBaseUrl } from '../../server/public-url.js';
import type { Actor } from '../access/actor.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { tenants } from '../tenants/schema.js';
import type { CeremonyDetail, CeremonySummary } from './ceremony-schemas.js';
import {
  actorEmployeeId,
  type CeremonyRow,
  findCeremony,
  type ItemRecord,
  loadItems,
  loadItemsOf,
  progressOf,
  toItemView,
} from './load-ceremony.js';
import { ceremonies } from './schema.js';

/** What the actor may do with a ceremony in its current status (sent to the web app). */
export function ceremonyPermissions(actor: Actor, status: CeremonyRow['status']) {
  const manage = can(actor, 'ceremonies.manage');
  const open = status === 'scheduled' || status === 'ongoing';
  return {
    update: manage && open,
    manageItems: manage && open,
    start: manage && status === 'scheduled',
    complete: manage && status === 'ongoing',
    cancel: manage && open,
    prepare: manage && open,
    resetBoardToken: manage && status !== 'cancelled',
  };
}

export function toSummary(row: CeremonyRow, items: readonly ItemRecord[]): CeremonySummary {
  return {
    id: row.id,
    title: row.title,
    fiscalYear: row.fiscalYear,
    eventDate: row.eventDate,
    startTime: row.startTime ? row.startTime.slice(0, 5) : null,
    place: row.place,
    status: row.status,
    progress: progressOf(items),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

async function tenantZone(ctx: TenantContext): Promise<string> {
  const [row] = await ctx.tx
    .select({ timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return row?.timeZone ?? ctx.actor.timeZone;
}

/**
 * Who may open a ceremony: whoever reads ceremonies, and each of its signers (a head of PD with
 * no role at all follows the link from Tugas Saya to sign here). Checked after the ceremony is
 * found, so another tenant's id stays a 404.
 */
async function assertMayRead(ctx: TenantContext, items: readonly ItemRecord[]): Promise<void> {
  if (can(ctx.actor, 'ceremonies.read')) return;
  if (can(ctx.actor, 'signing.self')) {
    const employeeId = await actorEmployeeId(ctx);
    if (employeeId && items.some((i) => i.signers.some((s) => s.employeeId === employeeId))) return;
  }
  assertCan(ctx.actor, 'ceremonies.read');
}

/** One ceremony with its items, progress and what the actor may do. */
export async function getCeremony(ctx: TenantContext, id: string): Promise<CeremonyDetail> {
  const row = await findCeremony(ctx, id);
  const items = await loadItems(ctx.tx, ctx.tenantId, id);
  await assertMayRead(ctx, items);
  return {
    ...toSummary(row, items),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    timeZone: await tenantZone(ctx),
    items: items.map(toItemView),
    permissions: ceremonyPermissions(ctx.actor, row.status),
  };
}

/** The tenant's ceremonies, newest event first, with their progress. */
export async function listCeremonies(ctx: TenantContext) {
  assertCan(ctx.actor, 'ceremonies.read');
  const rows = await ctx.tx
    .select()
    .from(ceremonies)
    .where(eq(ceremonies.tenantId, ctx.tenantId))
    .orderBy(desc(ceremonies.eventDate), desc(ceremonies.createdAt));
  const items = await loadItemsOf(
    ctx.tx,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSummary(r, items.get(r.id) ?? [])),
    permissions: { create: can(ctx.actor, 'ceremonies.manage') },
  };
}

/** The venue board's address for a token (shown once, at creation or reset). */
export const boardUrlFor = (config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, token: string): string =>
  `${publicBaseUrl(config)}/papan/${token}`;
