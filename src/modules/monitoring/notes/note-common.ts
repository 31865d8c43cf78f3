import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../../db/client.js';
import { forbidden, notFound } from '../../../shared/errors.js';
import type { Actor } from '../../access/actor.js';
import type { TenantContext } from '../../access/context.js';
import { can } from '../../access/policy.js';
import { formatFullName } from '../../org/names.js';
import { units } from '../../org/schema.js';
import { supervisoryNotes } from '../schema.js';
import type { NoteItem, NoteView } from './notes-schemas.js';

/** Shared reads of the supervisory notes: one note with its unit, rows → views, the author name. */

export type NoteRow = typeof supervisoryNotes.$inferSelect;

/** A note's row as the list query returns it: the unit's name (or the Pemda's) and its path. */
export interface NoteQueryRow {
  id: string;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string[] | null;
  tenant_name: string;
  year: number;
  quarter: number;
  note: string;
  author_user_id: string | null;
  author_name: string;
  created_at: string | Date;
  updated_at: string | Date;
}

const iso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();

/**
 * Notes of one year of the tenant (all units, or one), oldest quarter and note first. `tenant`
 * is the tenant id; without it the transaction's tenant (row-level security) is used.
 */
export function selectNotes(
  tx: Tx,
  filter: { year: number; unitId?: string | null | undefined; tenantId?: string | undefined },
): Promise<NoteQueryRow[]> {
  const tenant = filter.tenantId ? sql`${filter.tenantId}::uuid` : sql`app_tenant_id()`;
  const unit = filter.unitId ? sql`and n.unit_id = ${filter.unitId}` : sql``;
  return queryRows<NoteQueryRow>(
    tx,
    sql`select n.id, n.unit_id, u.name as unit_name, to_json(u.path) as unit_path,
               t.name as tenant_name, n.year, n.quarter, n.note, n.author_user_id,
               n.author_name, n.created_at, n.updated_at
          from supervisory_notes n
          join tenants t on t.id = n.tenant_id
          left join units u on u.tenant_id = n.tenant_id and u.id = n.unit_id
         where n.tenant_id = ${tenant} and n.year = ${filter.year} ${unit}
         order by n.quarter, n.created_at, n.id`,
  );
}

export function toNoteView(r: NoteQueryRow): NoteView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_id ? (r.unit_name ?? '') : r.tenant_name,
    year: r.year,
    quarter: r.quarter,
    note: r.note,
    authorUserId: r.author_user_id,
    authorName: r.author_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Path root → unit of a note's unit (null: the note is on the Pemda). */
export const notePath = (r: { unit_id: string | null; unit_path: string[] | null }) =>
  r.unit_id ? (r.unit_path ?? [r.unit_id]) : null;

/** The author may change or remove a note while they may still write notes on its unit. */
export function notePermissions(
  actor: Actor,
  note: { authorUserId: string | null },
  unitPath: readonly string[] | null,
): NoteItem['permissions'] {
  const mine = note.authorUserId !== null && note.authorUserId === actor.userId;
  const allowed = mine && can(actor, 'monitoring.notes', { unitPath });
  return { update: allowed, delete: allowed };
}

export function toNoteItem(actor: Actor, r: NoteQueryRow): NoteItem {
  const view = toNoteView(r);
  return { ...view, permissions: notePermissions(actor, view, notePath(r)) };
}

export const notAuthor = () =>
  forbidden('Hanya penulis catatan supervisi yang dapat mengubah atau menghapusnya.');

/** One note of the tenant (another tenant's id answers 404), optionally locked for a write. */
export async function findNote(
  ctx: TenantContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ row: NoteRow; unitPath: string[] | null }> {
  const query = ctx.tx
    .select()
    .from(supervisoryNotes)
    .where(and(eq(supervisoryNotes.tenantId, ctx.tenantId), eq(supervisoryNotes.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Catatan supervisi');
  if (!row.unitId) return { row, unitPath: null };
  const [unit] = await ctx.tx
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, row.unitId)));
  return { row, unitPath: unit?.path ?? [row.unitId] };
}

/** One note as the API answers it (after a create or an update). */
export async function getNoteItem(ctx: TenantContext, id: string): Promise<NoteItem> {
  const [r] = await queryRows<NoteQueryRow>(
    ctx.tx,
    sql`select n.id, n.unit_id, u.name as unit_name, to_json(u.path) as unit_path,
               t.name as tenant_name, n.year, n.quarter, n.note, n.author_user_id,
               n.author_name, n.created_at, n.updated_at
          from supervisory_notes n
          join tenants t on t.id = n.tenant_id
          left join units u on u.tenant_id = n.tenant_id and u.id = n.unit_id
         where n.tenant_id = ${ctx.tenantId} and n.id = ${id}`,
  );
  if (!r) throw notFound('Catatan supervisi');
  return toNoteItem(ctx.actor, r);
}

/**
 * The name a note is signed with: the linked employee's full name (titles included) when the
 * account belongs to one, otherwise the account's display name.
 */
export async function authorNameOf(ctx: TenantContext): Promise<string> {
  const [row] = await queryRows<{
    display_name: string;
    front_title: string | null;
    name: string | null;
    back_title: string | null;
  }>(
    ctx.tx,
    sql`select us.display_name, e.front_title, e.name, e.back_title
          from users us
          left join employees e on e.tenant_id = us.tenant_id and e.id = us.employee_id
         where us.tenant_id = ${ctx.tenantId} and us.id = ${ctx.actor.userId}`,
  );
  if (row?.name) {
    return formatFullName({
      frontTitle: row.front_title,
      name: row.name,
      backTitle: row.back_title,
    });
  }
  return row?.display_name ?? ctx.actor.displayName;
}
