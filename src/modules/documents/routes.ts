import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Documents: a PK's PDF (made once per version), downloads, the draft preview. */
export const documentRoutes: FastifyPluginAsyncZod = async (_app) => {};
