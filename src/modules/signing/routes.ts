import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Signing: Tugas Saya, one signature, a batch streamed as SSE, unknown remote outcomes. */
export const signingRoutes: FastifyPluginAsyncZod = async (_app) => {};
