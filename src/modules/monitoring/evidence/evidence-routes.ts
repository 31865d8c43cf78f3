import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Evidence files of quarter reports (helper A). */
export const evidenceRoutes: FastifyPluginAsyncZod = async () => {};
