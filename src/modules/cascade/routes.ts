import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes: the cascade view and its coverage. */
export const cascadeRoutes: FastifyPluginAsyncZod = async (_app) => {};
