import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes: Excel templates, imports (preview, all-or-nothing) and exports. */
export const importRoutes: FastifyPluginAsyncZod = async (_app) => {};
