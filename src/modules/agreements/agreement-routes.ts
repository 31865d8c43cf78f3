import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import { assertCan } from '../access/policy.js';
import { idParam, versionBody } from '../org/org-schemas.js';
import {
  agreementContentBody,
  agreementDetailSchema,
  agreementListQuery,
  agreementListSchema,
  boardQuery,
  boardSchema,
  createAgreementBody,
  qualitySchema,
  transitionBody,
  updateAgreementBody,
} from './agreement-schemas.js';
import { createAgreement } from './create-agreement.js';
import { getDeadlineBoard } from './deadline-board.js';
import { deleteAgreement } from './delete-agreement.js';
import { getAgreementDetail } from './get-agreement.js';
import { listAgreements } from './list-agreements.js';
import { transitionAgreement } from './transition-agreement.js';
import { updateAgreement } from './update-agreement.js';
import { repullAgreement, updateAgreementContent } from './update-content.js';

const tags = ['perjanjian-kinerja'];

/** PKs: list, deadline board, drafting, content, workflow. */
export const agreementDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Daftar PK satu tahun (filter unit, tingkat, status, pencarian)',
        querystring: agreementListQuery,
        response: { 200: agreementListSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'agreements.read');
        return listAgreements(ctx, request.query);
      }),
  );

  app.get(
    '/api/agreements/board',
    {
      schema: {
        tags,
        summary: 'Pemantauan tenggat: setiap jabatan yang wajib ber-PK beserta statusnya',
        querystring: boardQuery,
        response: { 200: boardSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getDeadlineBoard(ctx, request.query.year)),
  );

  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Susun PK untuk satu jabatan (pihak ditentukan dari organisasi)',
        body: createAgreementBody,
        response: { 201: agreementDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await inTenant(request, async (ctx) =>
        getAgreementDetail(ctx, await createAgreement(ctx, request.body)),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Satu PK lengkap: isi, anggaran, temuan kualitas, riwayat',
        params: idParam,
        response: { 200: agreementDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'agreements.read');
        return getAgreementDetail(ctx, request.params.id);
      }),
  );

  app.get(
    '/api/agreements/:id/quality',
    {
      schema: {
        tags,
        summary: 'Pemeriksaan kualitas indikator PK',
        params: idParam,
        response: { 200: qualitySchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'agreements.read');
        return (await getAgreementDetail(ctx, request.params.id)).quality;
      }),
  );

  app.put(
    '/api/agreements/:id/content',
    {
      schema: {
        tags,
        summary: 'Simpan isi PK (sasaran, indikator, target, anggaran)',
        params: idParam,
        body: agreementContentBody,
        response: { 200: agreementDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateAgreementContent(ctx, request.params.id, request.body);
        return getAgreementDetail(ctx, request.params.id);
      }),
  );

  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Ubah tanggal PK, pihak kedua, atau PK atasan',
        params: idParam,
        body: updateAgreementBody,
        response: { 200: agreementDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateAgreement(ctx, request.params.id, request.body);
        return getAgreementDetail(ctx, request.params.id);
      }),
  );

  app.delete(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Hapus PK berstatus draf',
        params: idParam,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTenant(request, (ctx) =>
        deleteAgreement(ctx, request.params.id, request.body.version),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/agreements/:id/pull-from-plan',
    {
      schema: {
        tags,
        summary: 'Ganti isi PK dengan tarikan baru dari Renstra dan DPA',
        params: idParam,
        body: versionBody,
        response: { 200: agreementDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await repullAgreement(ctx, request.params.id, request.body.version);
        return getAgreementDetail(ctx, request.params.id);
      }),
  );

  app.post(
    '/api/agreements/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Ajukan, tarik, kembalikan, verifikasi, atau tandai siap tanda tangan',
        params: idParam,
        body: transitionBody,
        response: { 200: agreementDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await transitionAgreement(ctx, request.params.id, request.body, app.services.config);
        return getAgreementDetail(ctx, request.params.id);
      }),
  );
};
