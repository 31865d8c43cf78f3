import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { assertCan } from '../access/policy.js';
import { idParam } from '../org/org-schemas.js';
import { bulkCreatePacts } from './bulk-create-pacts.js';
import { createPact } from './create-pact.js';
import { ensurePactDocument } from './ensure-pact-document.js';
import { getClauseVersion } from './get-clause-version.js';
import { getPact } from './get-pact.js';
import {
  bulkCreateBody,
  bulkCreateResultSchema,
  clausesOverviewSchema,
  clauseVersionDetailSchema,
  createPactBody,
  pactDetailSchema,
  pactDocumentSchema,
  pactListQuery,
  pactListSchema,
  saveClausesBody,
  statusQuery,
  statusSchema,
  voidPactBody,
} from './integrity-schemas.js';
import { listClauseVersions } from './list-clause-versions.js';
import { listPacts } from './list-pacts.js';
import { getPactStatus } from './pact-status.js';
import { saveClauseVersion } from './save-clause-version.js';
import { voidPact } from './void-pact.js';

const tags = ['pakta-integritas'];

/** Pakta Integritas: clause versions, pacts made one by one or in bulk, status per unit. */
export const integrityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/integrity/clauses',
    {
      schema: {
        tags,
        summary: 'Klausul Pakta Integritas yang berlaku dan riwayat versinya',
        response: { 200: clausesOverviewSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listClauseVersions(ctx)),
  );

  app.get(
    '/api/integrity/clauses/:id',
    {
      schema: {
        tags,
        summary: 'Satu versi klausul beserta perbedaannya dengan versi sebelumnya',
        params: idParam,
        response: { 200: clauseVersionDetailSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getClauseVersion(ctx, request.params.id)),
  );

  app.post(
    '/api/integrity/clauses',
    {
      schema: {
        tags,
        summary: 'Simpan klausul sebagai versi baru (pakta yang sudah dibuat tidak berubah)',
        body: saveClausesBody,
        response: { 201: clauseVersionDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await inTenant(request, async (ctx) =>
        getClauseVersion(ctx, await saveClauseVersion(ctx, request.body)),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/api/integrity/status',
    {
      schema: {
        tags,
        summary: 'Capaian Pakta Integritas per unit: pegawai, pakta dibuat, ditandatangani',
        querystring: statusQuery,
        response: { 200: statusSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getPactStatus(ctx, request.query)),
  );

  app.get(
    '/api/integrity/pacts',
    {
      schema: {
        tags,
        summary: 'Daftar Pakta Integritas satu tahun anggaran (filter unit, status, pencarian)',
        querystring: pactListQuery,
        response: { 200: pactListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listPacts(ctx, request.query)),
  );

  app.post(
    '/api/integrity/pacts',
    {
      schema: {
        tags,
        summary: 'Buat Pakta Integritas satu pegawai (tahunan atau pelantikan)',
        body: createPactBody,
        response: { 201: pactDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await inTenant(request, async (ctx) =>
        getPact(ctx, await createPact(ctx, request.body)),
      );
      return reply.status(201).send(detail);
    },
  );

  app.post(
    '/api/integrity/pacts/bulk',
    {
      schema: {
        tags,
        summary: 'Buat Pakta Integritas tahunan untuk seluruh pegawai satu unit beserta bawahannya',
        body: bulkCreateBody,
        response: { 200: bulkCreateResultSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => bulkCreatePacts(ctx, request.body)),
  );

  app.get(
    '/api/integrity/pacts/:id',
    {
      schema: {
        tags,
        summary: 'Satu Pakta Integritas dengan klausulnya',
        params: idParam,
        response: { 200: pactDetailSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getPact(ctx, request.params.id)),
  );

  app.get(
    '/api/integrity/pacts/:id/document',
    {
      schema: {
        tags,
        summary: 'Dokumen PDF Pakta Integritas (dibuat saat pertama kali dibuka)',
        params: idParam,
        response: { 200: pactDocumentSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) => {
        assertCan(ctx.actor, 'integrity.read');
        return ensurePactDocument(ctx, request.server.services.config, request.params.id);
      }),
  );

  app.post(
    '/api/integrity/pacts/:id/void',
    {
      schema: {
        tags,
        summary: 'Batalkan Pakta Integritas yang belum ditandatangani',
        params: idParam,
        body: voidPactBody,
        response: { 200: pactDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await voidPact(ctx, request.params.id, request.body.reason);
        return getPact(ctx, request.params.id);
      }),
  );
};
