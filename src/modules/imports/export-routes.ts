import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { agreementListQuery } from '../agreements/agreement-schemas.js';
import { cascadeQuery } from '../cascade/cascade-schemas.js';
import { exportAgreements } from './export-agreements.js';
import { exportCascade } from './export-cascade.js';
import { sendXlsx } from './workbook.js';

/** Excel exports of the PK list and of the cascade. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ekspor'];
  app.get(
    '/api/exports/agreements.xlsx',
    {
      schema: {
        tags,
        summary: 'Daftar PK satu tahun sebagai berkas Excel',
        querystring: agreementListQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await inTenant(request, (ctx) => exportAgreements(ctx, request.query))),
  );
  app.get(
    '/api/exports/cascade.xlsx',
    {
      schema: {
        tags,
        summary:
          'Kaskade kinerja satu tahun (RPJMD → PD → eselon III → eselon IV) sebagai berkas Excel',
        querystring: cascadeQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await inTenant(request, (ctx) => exportCascade(ctx, request.query))),
  );
};
