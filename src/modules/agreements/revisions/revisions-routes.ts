import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../../server/auth-plugin.js';
import { idParam } from '../../org/org-schemas.js';
import { findAgreement } from '../agreement-common.js';
import { getAgreementDetail } from '../get-agreement.js';
import { createRevision } from './create-revision.js';
import { getRevisionDiff } from './get-diff.js';
import { listVersions } from './list-versions.js';
import {
  createdRevisionSchema,
  createRevisionBody,
  revisionDiffSchema,
  versionListSchema,
} from './revision-schemas.js';

const tags = ['perjanjian-kinerja'];

/** Routes: PK Perubahan, the versions of a PK, and the diff against the previous version. */
export const revisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/agreements/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Buat PK Perubahan dari PK yang sudah ditandatangani',
        params: idParam,
        body: createRevisionBody,
        response: { 201: createdRevisionSchema },
      },
    },
    async (request, reply) => {
      const created = await inTenant(request, async (ctx) => {
        const id = await createRevision(ctx, request.params.id, request.body);
        const { row } = await findAgreement(ctx, id);
        return {
          id: row.id,
          rootId: row.rootId,
          previousId: row.previousId ?? request.params.id,
          revisionNo: row.revisionNo,
          status: row.status,
          version: row.version,
          agreement: await getAgreementDetail(ctx, id),
        };
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/agreements/:id/versions',
    {
      schema: {
        tags,
        summary: 'Semua versi PK (asli dan setiap PK Perubahan)',
        params: idParam,
        response: { 200: versionListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listVersions(ctx, request.params.id)),
  );

  app.get(
    '/api/agreements/:id/diff',
    {
      schema: {
        tags,
        summary: 'Perbandingan PK Perubahan dengan versi sebelumnya',
        params: idParam,
        response: { 200: revisionDiffSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getRevisionDiff(ctx, request.params.id)),
  );
};
