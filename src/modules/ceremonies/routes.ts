import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import { idParam, versionBody } from '../org/org-schemas.js';
import { addItems, removeItem } from './ceremony-items.js';
import { loadReportInput, renderCeremonyReport, reportFileName } from './ceremony-report.js';
import {
  addItemsBody,
  boardTokenSchema,
  ceremonyActions,
  ceremonyDetailSchema,
  ceremonyListSchema,
  ceremonyWithTokenSchema,
  createCeremonyBody,
  itemParams,
  myDocumentsSchema,
  preflightSchema,
  prepareResultSchema,
  updateCeremonyBody,
} from './ceremony-schemas.js';
import { createCeremony } from './create-ceremony.js';
import { boardUrlFor, getCeremony, listCeremonies } from './get-ceremony.js';
import { myCeremonyDocuments } from './my-documents.js';
import { preflightCeremony } from './preflight.js';
import { prepareCeremony } from './prepare-ceremony.js';
import { publicBoardRoutes } from './public-routes.js';
import { resetBoardToken } from './reset-board-token.js';
import { transitionCeremony } from './transition-ceremony.js';
import { updateCeremony } from './update-ceremony.js';

const tags = ['acara-penandatanganan'];

/**
 * How long one "Siapkan dokumen" request may render before it answers with what is left (the
 * page calls again): well under the 60 s a reverse proxy typically allows.
 */
const PREPARE_BUDGET_MS = 15_000;

/** Ceremonies: schedule, pre-flight, the public venue board (SSE), the report PDF. */
export const ceremonyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.services;
  await app.register(publicBoardRoutes);

  app.get(
    '/api/ceremonies',
    {
      schema: {
        tags,
        summary: 'Daftar acara penandatanganan dengan kemajuannya',
        response: { 200: ceremonyListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listCeremonies(ctx)),
  );

  app.post(
    '/api/ceremonies',
    {
      schema: {
        tags,
        summary:
          'Jadwalkan acara: PK kepala PD yang siap ditandatangani dan Pakta Integritas mereka masuk otomatis',
        body: createCeremonyBody,
        response: { 201: ceremonyWithTokenSchema },
      },
    },
    async (request, reply) => {
      const body = await inTenant(request, async (ctx) => {
        const created = await createCeremony(ctx, request.body);
        return {
          ...(await getCeremony(ctx, created.id)),
          boardToken: created.boardToken,
          boardUrl: boardUrlFor(config, created.boardToken),
          added: created.added,
        };
      });
      return reply.status(201).send(body);
    },
  );

  app.get(
    '/api/ceremonies/:id',
    {
      schema: {
        tags,
        summary: 'Satu acara: dokumen, penanda tangan, kemajuan',
        params: idParam,
        response: { 200: ceremonyDetailSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getCeremony(ctx, request.params.id)),
  );

  app.patch(
    '/api/ceremonies/:id',
    {
      schema: {
        tags,
        summary: 'Ubah judul, tanggal, jam, atau tempat acara',
        params: idParam,
        body: updateCeremonyBody,
        response: { 200: ceremonyDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateCeremony(ctx, request.params.id, request.body);
        return getCeremony(ctx, request.params.id);
      }),
  );

  for (const action of ceremonyActions) {
    app.post(
      `/api/ceremonies/:id/${action}`,
      {
        schema: {
          tags,
          summary: {
            start: 'Mulai acara',
            complete: 'Selesaikan acara',
            cancel: 'Batalkan acara',
          }[action],
          params: idParam,
          body: versionBody,
          response: { 200: ceremonyDetailSchema },
        },
      },
      async (request) =>
        inTenant(request, async (ctx) => {
          await transitionCeremony(ctx, request.params.id, action, request.body.version);
          return getCeremony(ctx, request.params.id);
        }),
    );
  }

  app.post(
    '/api/ceremonies/:id/items',
    {
      schema: {
        tags,
        summary: 'Tambahkan PK atau Pakta Integritas ke acara',
        params: idParam,
        body: addItemsBody,
        response: { 200: ceremonyDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await addItems(ctx, request.params.id, request.body);
        return getCeremony(ctx, request.params.id);
      }),
  );

  app.delete(
    '/api/ceremonies/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Keluarkan satu dokumen dari acara',
        params: itemParams,
        response: { 200: ceremonyDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await removeItem(ctx, request.params.id, request.params.itemId);
        return getCeremony(ctx, request.params.id);
      }),
  );

  app.get(
    '/api/ceremonies/:id/preflight',
    {
      schema: {
        tags,
        summary: 'Pemeriksaan kesiapan: akun, sertifikat, dan status setiap dokumen',
        params: idParam,
        response: { 200: preflightSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => preflightCeremony(ctx, request.params.id)),
  );

  app.post(
    '/api/ceremonies/:id/prepare',
    {
      schema: {
        tags,
        summary:
          'Siapkan dokumen: buat PDF setiap PK dan Pakta Integritas yang belum ada (sebagian bila lama; panggil lagi selama remaining > 0)',
        params: idParam,
        response: { 200: prepareResultSchema },
      },
    },
    async (request) =>
      prepareCeremony((fn) => inTenant(request, fn), config, request.params.id, {
        budgetMs: PREPARE_BUDGET_MS,
      }),
  );

  app.get(
    '/api/ceremonies/:id/my-documents',
    {
      schema: {
        tags,
        summary: 'Dokumen acara ini yang menunggu tanda tangan saya',
        params: idParam,
        response: { 200: myDocumentsSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => myCeremonyDocuments(ctx, request.params.id)),
  );

  app.post(
    '/api/ceremonies/:id/board-token',
    {
      schema: {
        tags,
        summary: 'Buat tautan papan acara yang baru (tautan lama tidak berlaku lagi)',
        params: idParam,
        response: { 200: boardTokenSchema },
      },
    },
    async (request) => {
      const token = await inTenant(request, (ctx) => resetBoardToken(ctx, request.params.id));
      return { boardToken: token, boardUrl: boardUrlFor(config, token) };
    },
  );

  app.get(
    '/api/ceremonies/:id/report.pdf',
    {
      schema: {
        tags,
        summary: 'Laporan penandatanganan (PDF): siapa menandatangani apa dan kapan',
        params: idParam,
        querystring: z.strictObject({ download: z.enum(['0', '1']).optional() }),
      },
    },
    async (request, reply) => {
      const input = await inTenant(request, (ctx) => loadReportInput(ctx, request.params.id));
      const pdf = await renderCeremonyReport(input);
      const disposition = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `${disposition}; filename="${reportFileName(input)}"`)
        .send(pdf);
    },
  );
};
