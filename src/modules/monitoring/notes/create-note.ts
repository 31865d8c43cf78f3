import { now } from '../../../server/clock.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { findUnit } from '../../org/units/find-unit.js';
import { supervisoryNotes } from '../schema.js';
import { authorNameOf } from './note-common.js';
import type { CreateNoteInput } from './notes-schemas.js';

/**
 * A supervisory note of pihak kedua on a unit's quarter: the Kepala Daerah on any unit or on the
 * Pemda as a whole (unit null), the head of a unit on the units of their subtree. The author's
 * name is kept as written, so the note still reads right after the person moves on.
 */
export async function createNote(ctx: TenantContext, input: CreateNoteInput): Promise<string> {
  let unitPath: string[] | null = null;
  if (input.unitId) {
    const unit = await findUnit(ctx, input.unitId);
    unitPath = unit.path.length > 0 ? unit.path : [unit.id];
  }
  assertCan(ctx.actor, 'monitoring.notes', { unitPath });
  const at = now();
  const [row] = await ctx.tx
    .insert(supervisoryNotes)
    .values({
      tenantId: ctx.tenantId,
      unitId: input.unitId,
      year: input.year,
      quarter: input.quarter,
      authorUserId: ctx.actor.userId,
      authorName: await authorNameOf(ctx),
      note: input.note.trim(),
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: supervisoryNotes.id });
  if (!row) throw new Error('supervisory note not inserted');
  await ctx.audit({
    action: 'supervisory_note.create',
    entityType: 'supervisory_note',
    entityId: row.id,
    data: {
      unitId: input.unitId,
      year: input.year,
      quarter: input.quarter,
      note: input.note.trim(),
    },
  });
  return row.id;
}
