import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes: RPJMD, Renstra, indicators, targets, budgets, scales. */
export const planningRoutes: FastifyPluginAsyncZod = async (_app) => {};
