import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes: PK Perubahan and its diff. */
export const revisionRoutes: FastifyPluginAsyncZod = async (_app) => {};
