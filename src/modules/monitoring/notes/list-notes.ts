import type { Tx } from '../../../db/client.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, capabilities } from '../../access/policy.js';
import { findUnit } from '../../org/units/find-unit.js';
import { selectNotes, toNoteItem, toNoteView } from './note-common.js';
import type { NotesList, NotesListQuery, NoteView } from './notes-schemas.js';

/** GET /api/monitoring/notes: the supervisory notes of a year, of every unit or of one. */
export async function listNotes(ctx: TenantContext, query: NotesListQuery): Promise<NotesList> {
  assertCan(ctx.actor, 'monitoring.read');
  // Another tenant's unit answers 404 like a missing one.
  if (query.unitId) await findUnit(ctx, query.unitId);
  const rows = await selectNotes(ctx.tx, {
    year: query.year,
    unitId: query.unitId,
    tenantId: ctx.tenantId,
  });
  return {
    year: query.year,
    notes: rows.map((r) => toNoteItem(ctx.actor, r)),
    canWrite: capabilities(ctx.actor).writeSupervisoryNotes,
  };
}

/**
 * The notes of a year by unit, for the appreciation ranking (and any report listing them per
 * unit per quarter): key = unit id, or 'pemda' for notes on the Pemda as a whole; each list
 * oldest quarter and note first. Reads in the caller's tenant transaction; `tenantId` adds the
 * explicit filter (row-level security confines the query either way). No permission check:
 * the caller has checked monitoring.read.
 */
export async function listNotesForYear(
  tx: Tx,
  year: number,
  tenantId?: string,
): Promise<Map<string | 'pemda', NoteView[]>> {
  const rows = await selectNotes(tx, { year, tenantId });
  const byUnit = new Map<string | 'pemda', NoteView[]>();
  for (const r of rows) {
    const key = r.unit_id ?? 'pemda';
    const list = byUnit.get(key);
    if (list) list.push(toNoteView(r));
    else byUnit.set(key, [toNoteView(r)]);
  }
  return byUnit;
}
