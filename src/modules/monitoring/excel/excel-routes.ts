import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Quarterly Excel template and import (helper C). */
export const quarterExcelRoutes: FastifyPluginAsyncZod = async () => {};
