import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Public verification by document code or by uploading the PDF. */
export const verificationRoutes: FastifyPluginAsyncZod = async (_app) => {};
