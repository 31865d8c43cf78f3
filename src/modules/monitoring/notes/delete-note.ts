import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { supervisoryNotes } from '../schema.js';
import { findNote, notAuthor, notePermissions } from './note-common.js';

/** DELETE /api/monitoring/notes/:id: the author removes the note (its text stays in the audit log). */
export async function deleteNote(ctx: TenantContext, id: string): Promise<void> {
  const { row, unitPath } = await findNote(ctx, id, { lock: true });
  if (!notePermissions(ctx.actor, row, unitPath).delete) throw notAuthor();
  await ctx.tx
    .delete(supervisoryNotes)
    .where(and(eq(supervisoryNotes.tenantId, ctx.tenantId), eq(supervisoryNotes.id, id)));
  await ctx.audit({
    action: 'supervisory_note.delete',
    entityType: 'supervisory_note',
    entityId: id,
    data: { unitId: row.unitId, year: row.year, quarter: row.quarter, note: row.note },
  });
}
