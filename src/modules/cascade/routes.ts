import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { buildCascade } from './build-cascade.js';
import { cascadeQuery, cascadeSchema } from './cascade-schemas.js';

const tags = ['perjanjian-kinerja'];

/** Routes: the cascade view and its coverage. */
export const cascadeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cascade',
    {
      schema: {
        tags,
        summary:
          'Kaskade kinerja satu tahun PK: sasaran RPJMD → sasaran PD → eselon III → eselon IV, dengan cakupannya',
        querystring: cascadeQuery,
        response: { 200: cascadeSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) =>
        buildCascade(ctx, { year: request.query.year, unitId: request.query.unitId ?? null }),
      ),
  );
};
