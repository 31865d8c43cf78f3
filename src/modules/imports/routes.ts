import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import type { TenantContext } from '../access/context.js';
import { exportRoutes } from './export-routes.js';
import { applyDpaImport, buildDpaTemplateFile, previewDpaImport } from './import-dpa.js';
import { importOptions } from './import-options.js';
import {
  applyPlanImport,
  buildPlanTemplateFile,
  type PlanImportInput,
  previewPlanImport,
} from './import-plan.js';
import { applySchema, previewSchema } from './import-types.js';
import {
  acceptXlsxUploads,
  openUpload,
  sendXlsx,
  type UploadedWorkbook,
  XLSX_MIME,
} from './workbook.js';

/** Routes: Excel templates, imports (preview, all-or-nothing) and exports. */

const tags = ['impor'];
const year = z.coerce.number().int().min(2000).max(2100);
const rpjmdQuery = z.strictObject({ periodId: z.uuid() });
const renstraQuery = z.strictObject({ periodId: z.uuid(), unitId: z.uuid() });
const dpaKind = z.enum(['dpa', 'dpa_perubahan']).default('dpa');
const dpaUploadQuery = z.strictObject({ kind: dpaKind, unitId: z.uuid().optional() });
const dpaTemplateQuery = z.strictObject({ year, kind: dpaKind, unitId: z.uuid().optional() });
/** The raw .xlsx: read by the parser below, checked (and opened) in openUpload. */
const xlsxBody = z.unknown();

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptXlsxUploads(app);

  app.get(
    '/api/imports/options',
    {
      schema: {
        tags,
        summary: 'Pilihan halaman impor: periode, PD yang boleh diubah, jenis impor yang diizinkan',
        response: {
          200: z.object({
            periods: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                startYear: z.number(),
                endYear: z.number(),
                status: z.string(),
              }),
            ),
            units: z.array(
              z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() }),
            ),
            permissions: z.object({ rpjmd: z.boolean(), renstra: z.boolean(), dpa: z.boolean() }),
          }),
        },
      },
    },
    async (request) => inTenant(request, (ctx) => importOptions(ctx)),
  );

  // ---- templates ---------------------------------------------------------------------------
  app.get(
    '/api/imports/rpjmd/template',
    {
      schema: {
        tags,
        summary: 'Templat Excel RPJMD (berisi data periode)',
        querystring: rpjmdQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await inTenant(request, (ctx) =>
          buildPlanTemplateFile(ctx, { scope: 'rpjmd', periodId: request.query.periodId }),
        ),
      ),
  );
  app.get(
    '/api/imports/renstra/template',
    {
      schema: {
        tags,
        summary: 'Templat Excel Renstra PD (berisi Renstra yang tersimpan)',
        querystring: renstraQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await inTenant(request, (ctx) =>
          buildPlanTemplateFile(ctx, { scope: 'renstra', ...request.query }),
        ),
      ),
  );
  app.get(
    '/api/imports/dpa/template',
    {
      schema: {
        tags,
        summary: 'Templat Excel anggaran DPA per sub kegiatan (berisi kode sub kegiatan)',
        querystring: dpaTemplateQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await inTenant(request, (ctx) => buildDpaTemplateFile(ctx, request.query))),
  );

  // ---- uploads: preview writes nothing; apply writes everything or nothing -----------------
  /**
   * POST /api/imports/<kind>/preview and …/apply of one import kind: the same querystring and
   * file, turned into the use case's input by `toInput`.
   */
  const uploadRoutes = <Q extends z.ZodType, I>(
    kind: string,
    label: string,
    querystring: Q,
    toInput: (query: z.infer<Q>) => I,
    useCases: {
      preview: (ctx: TenantContext, input: I, file: UploadedWorkbook) => Promise<unknown>;
      apply: (ctx: TenantContext, input: I, file: UploadedWorkbook) => Promise<unknown>;
    },
  ) => {
    const route = (step: 'preview' | 'apply', summary: string, ok: z.ZodType) =>
      app.post(
        `/api/imports/${kind}/${step}`,
        {
          schema: {
            tags,
            summary,
            querystring,
            consumes: [XLSX_MIME],
            body: xlsxBody,
            response: { 200: ok },
          },
        },
        async (request) => {
          const file = await openUpload(request.body);
          const input = toInput(request.query as z.infer<Q>);
          return inTenant(request, (ctx) => useCases[step](ctx, input, file));
        },
      );
    route('preview', `Pratinjau ${label} (tidak menyimpan)`, previewSchema);
    route('apply', `Terapkan ${label} (semua atau tidak sama sekali)`, applySchema);
  };

  uploadRoutes(
    'rpjmd',
    'impor RPJMD',
    rpjmdQuery,
    (query): PlanImportInput => ({ scope: 'rpjmd', periodId: query.periodId }),
    { preview: previewPlanImport, apply: applyPlanImport },
  );
  uploadRoutes(
    'renstra',
    'impor Renstra PD',
    renstraQuery,
    (query): PlanImportInput => ({ scope: 'renstra', ...query }),
    { preview: previewPlanImport, apply: applyPlanImport },
  );
  uploadRoutes('dpa', 'impor anggaran DPA / DPA-Perubahan', dpaUploadQuery, (query) => query, {
    preview: previewDpaImport,
    apply: applyDpaImport,
  });

  await app.register(exportRoutes);
};
