import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Dashboards, appreciation ranking and table exports (helper E). */
export const dashboardRoutes: FastifyPluginAsyncZod = async () => {};
