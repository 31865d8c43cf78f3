import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes: PK years, drafting, content, workflow, list, deadline board. */
export const agreementRoutes: FastifyPluginAsyncZod = async (_app) => {};
