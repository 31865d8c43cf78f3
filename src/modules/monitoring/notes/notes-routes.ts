import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../../server/auth-plugin.js';
import { idParam } from '../../org/org-schemas.js';
import { createNote } from './create-note.js';
import { deleteNote } from './delete-note.js';
import { listNotes } from './list-notes.js';
import { getNoteItem } from './note-common.js';
import {
  createNoteBody,
  noteSchema,
  notesListQuery,
  notesListSchema,
  updateNoteBody,
} from './notes-schemas.js';
import { updateNote } from './update-note.js';

const tags = ['monitoring'];

/** Supervisory notes of pihak kedua (catatan supervisi) on a unit's quarter. */
export const supervisoryNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/monitoring/notes',
    {
      schema: {
        tags,
        summary: 'Catatan supervisi pihak kedua satu tahun (semua unit atau satu unit)',
        querystring: notesListQuery,
        response: { 200: notesListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listNotes(ctx, request.query)),
  );

  app.post(
    '/api/monitoring/notes',
    {
      schema: {
        tags,
        summary: 'Tulis catatan supervisi atas satu triwulan unit (atau Pemda bila unit kosong)',
        body: createNoteBody,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) => {
      const note = await inTenant(request, async (ctx) =>
        getNoteItem(ctx, await createNote(ctx, request.body)),
      );
      return reply.status(201).send(note);
    },
  );

  app.patch(
    '/api/monitoring/notes/:id',
    {
      schema: {
        tags,
        summary: 'Ubah catatan supervisi (hanya penulisnya)',
        params: idParam,
        body: updateNoteBody,
        response: { 200: noteSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateNote(ctx, request.params.id, request.body);
        return getNoteItem(ctx, request.params.id);
      }),
  );

  app.delete(
    '/api/monitoring/notes/:id',
    {
      schema: {
        tags,
        summary: 'Hapus catatan supervisi (hanya penulisnya)',
        params: idParam,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTenant(request, (ctx) => deleteNote(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
