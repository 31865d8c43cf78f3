import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Ceremonies: schedule, pre-flight, the public venue board (SSE), the report PDF. */
export const ceremonyRoutes: FastifyPluginAsyncZod = async (_app) => {};
