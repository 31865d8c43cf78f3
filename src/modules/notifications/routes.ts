import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Tugas Saya inbox and in-app notifications (helper D). */
export const notificationRoutes: FastifyPluginAsyncZod = async () => {};
