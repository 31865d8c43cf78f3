import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { indicatorsRoutes } from './indicators-routes.js';
import { nodesRoutes } from './nodes-routes.js';
import { plansRoutes } from './plans-routes.js';
import { scalesRoutes } from './scales-routes.js';

/** Routes: RPJMD, Renstra, indicators, targets, budgets, scales. */
export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(plansRoutes);
  await app.register(nodesRoutes);
  await app.register(indicatorsRoutes);
  await app.register(scalesRoutes);
};
