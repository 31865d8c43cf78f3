import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// TODO(issue 2): filled in next.
export const tokenRoutes: FastifyPluginAsyncZod = async () => {};
