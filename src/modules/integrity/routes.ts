import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Pakta Integritas: clause versions, pacts made in bulk, status per unit. */
export const integrityRoutes: FastifyPluginAsyncZod = async (_app) => {};
