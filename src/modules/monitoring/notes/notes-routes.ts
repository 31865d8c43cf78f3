import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Supervisory notes of pihak kedua (helper C). */
export const supervisoryNoteRoutes: FastifyPluginAsyncZod = async () => {};
