import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../../server/auth-plugin.js';
import { acceptXlsxUploads, openUpload, sendXlsx, XLSX_MIME } from '../../imports/workbook.js';
import { buildQuarterTemplate } from './build-quarter-template.js';
import { importQuarter } from './import-quarter.js';

const tags = ['monitoring'];

/** ?unitId=&year=&quarter= of the template and the import. */
export const quarterFileQuery = z.strictObject({
  unitId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});

export const quarterImportResultSchema = z.object({
  /** One entry per PK whose quarter report received changes. */
  reports: z.array(
    z.object({
      reportId: z.uuid(),
      agreementTitle: z.string(),
      valuesSaved: z.number(),
      budgetsSaved: z.number(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type QuarterImportResponse = z.infer<typeof quarterImportResultSchema>;

/** Quarterly Excel template and import (all or nothing, 422 IMPORT_INVALID with the bad rows). */
export const quarterExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptXlsxUploads(app);

  app.get(
    '/api/monitoring/template',
    {
      schema: {
        tags,
        summary:
          'Templat Excel realisasi triwulan satu unit (PK yang ditandatangani unit dan unit di bawahnya)',
        querystring: quarterFileQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await inTenant(request, (ctx) => buildQuarterTemplate(ctx, request.query))),
  );

  app.post(
    '/api/monitoring/import',
    {
      schema: {
        tags,
        summary: 'Impor templat realisasi triwulan (semua atau tidak sama sekali)',
        querystring: quarterFileQuery,
        consumes: [XLSX_MIME],
        body: z.unknown(),
        response: { 200: quarterImportResultSchema },
      },
    },
    async (request) => {
      const file = await openUpload(request.body);
      return inTenant(request, (ctx) => importQuarter(ctx, request.query, file));
    },
  );
};
