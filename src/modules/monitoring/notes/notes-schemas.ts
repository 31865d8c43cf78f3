import { z } from 'zod';

/**
 * Request and response shapes of the supervisory notes API (catatan supervisi pihak kedua):
 * also the OpenAPI document and the types the web pages are built against. Timestamps are ISO
 * strings. A note with `unitId` null is on the Pemda as a whole (only the Kepala Daerah).
 */

export const noteLimits = { minLength: 3, maxLength: 4000 } as const;

const fiscalYear = z.number().int().min(2000).max(2100);
const fiscalYearQuery = z.coerce.number().int().min(2000).max(2100);
const quarter = z.number().int().min(1).max(4);
const noteText = z
  .string()
  .trim()
  .min(noteLimits.minLength, `catatan paling sedikit ${noteLimits.minLength} karakter`)
  .max(noteLimits.maxLength, `catatan paling banyak ${noteLimits.maxLength} karakter`);

/** GET /api/monitoring/notes?year=&unitId= (unitId omitted = every unit and the Pemda). */
export const notesListQuery = z.strictObject({
  year: fiscalYearQuery,
  unitId: z.uuid().optional(),
});

/** POST /api/monitoring/notes */
export const createNoteBody = z.strictObject({
  unitId: z.uuid().nullable(),
  year: fiscalYear,
  quarter,
  note: noteText,
});

/** PATCH /api/monitoring/notes/:id (the author only). */
export const updateNoteBody = z.strictObject({ note: noteText });

/** A note as the appreciation ranking and the dashboards show it (no caller-specific fields). */
export const noteViewSchema = z.object({
  id: z.uuid(),
  /** null = the Pemda as a whole. */
  unitId: z.uuid().nullable(),
  /** The unit's name, or the Pemda's name for a note on the Pemda. */
  unitName: z.string(),
  year: z.number(),
  quarter: z.number(),
  note: z.string(),
  authorUserId: z.uuid().nullable(),
  /** As it was when written (the user's display name or employee name). */
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A note in the API, with what the caller may do with it. */
export const noteSchema = noteViewSchema.extend({
  /** update / delete: the caller wrote it (and may still write notes on that unit). */
  permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
});

export const notesListSchema = z.object({
  year: z.number(),
  /** Oldest quarter first, then oldest note first. */
  notes: z.array(noteSchema),
  /** May the caller write notes at all (the unit is checked on save)? */
  canWrite: z.boolean(),
});

export type NotesListQuery = z.infer<typeof notesListQuery>;
export type CreateNoteInput = z.infer<typeof createNoteBody>;
export type UpdateNoteInput = z.infer<typeof updateNoteBody>;
export type NoteView = z.infer<typeof noteViewSchema>;
export type NoteItem = z.infer<typeof noteSchema>;
export type NotesList = z.infer<typeof notesListSchema>;
