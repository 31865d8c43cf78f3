import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementDocumentRoutes } from './agreement-routes.js';
import { agreementYearRoutes } from './years-routes.js';

/** Routes: PK years, drafting, content, workflow, list, deadline board. */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(agreementYearRoutes);
  await app.register(agreementDocumentRoutes);
};
