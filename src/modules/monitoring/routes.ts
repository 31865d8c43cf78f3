import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Quarter reports: open, read, save, workflow, locks and unlocks (helper B). */
export const monitoringRoutes: FastifyPluginAsyncZod = async () => {};
