import { and, eq } from 'drizzle-orm';
import { now } from '../../../server/clock.js';
import type { TenantContext } from '../../access/context.js';
import { supervisoryNotes } from '../schema.js';
import { findNote, notAuthor, notePermissions } from './note-common.js';
import type { UpdateNoteInput } from './notes-schemas.js';

/** PATCH /api/monitoring/notes/:id: the author rewrites the note (audited with the old text). */
export async function updateNote(
  ctx: TenantContext,
  id: string,
  input: UpdateNoteInput,
): Promise<void> {
  const { row, unitPath } = await findNote(ctx, id, { lock: true });
  if (!notePermissions(ctx.actor, row, unitPath).update) throw notAuthor();
  const text = input.note.trim();
  if (text === row.note) return;
  await ctx.tx
    .update(supervisoryNotes)
    .set({ note: text, updatedAt: now() })
    .where(and(eq(supervisoryNotes.tenantId, ctx.tenantId), eq(supervisoryNotes.id, id)));
  await ctx.audit({
    action: 'supervisory_note.update',
    entityType: 'supervisory_note',
    entityId: id,
    data: {
      unitId: row.unitId,
      year: row.year,
      quarter: row.quarter,
      before: row.note,
      after: text,
    },
  });
}
