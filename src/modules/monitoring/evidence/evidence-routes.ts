import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../../server/auth-plugin.js';
import { readUpload } from '../../../server/read-upload.js';
import { AppError } from '../../../shared/errors.js';
import { idParam } from '../../org/org-schemas.js';
import { tenants } from '../../tenants/schema.js';
import { readTenantSettings } from '../../tenants/settings.js';
import { deleteEvidence } from './delete-evidence.js';
import { toEvidence } from './evidence-common.js';
import {
  evidenceListSchema,
  evidenceSchema,
  reportIdParam,
  uploadQuery,
} from './evidence-schemas.js';
import { createDiskFileStore, type FileStore } from './file-store.js';
import { listEvidence } from './list-evidence.js';
import { readEvidenceFile } from './read-evidence-file.js';
import { evidenceTooLarge, uploadEvidence } from './upload-evidence.js';

const tags = ['monitoring'];
const UPLOAD_URL = '/api/monitoring/reports/:id/evidence';
const tooLargeJson = () => new AppError('PAYLOAD_TOO_LARGE', 'Isi permintaan terlalu besar.');

/** attachment; filename="…" (ASCII fallback) and filename*= (UTF-8) for the real name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Evidence files (bukti dukung) of quarter reports: raw upload, download, soft delete, list.
 * Bytes live in a FileStore (disk under DATA_DIR by default; decision 0014).
 */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.services;
  const store: FileStore = createDiskFileStore(join(config.DATA_DIR));

  /** The tenant's size limit (settings.monitoring.evidenceMaxMb), read before the body is. */
  const limitMb = async (request: FastifyRequest): Promise<number> => {
    const tenantId = request.auth?.actor.tenantId;
    if (!tenantId) return readTenantSettings({}).monitoring.evidenceMaxMb;
    const [row] = await database.withTenant(tenantId, (tx) =>
      tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)),
    );
    return readTenantSettings(row?.settings).monitoring.evidenceMaxMb;
  };

  // Scoped to this plugin: the rest of the API keeps its JSON parser. The file arrives raw with
  // whatever type the browser claims; the content decides (sniff-type.ts). The upload is cut off
  // as soon as it passes the tenant's limit (413), before anything is stored. Other routes here
  // take no body; a client that sends an empty JSON object anyway (`{}`) still gets it parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (request.routeOptions.url !== UPLOAD_URL) {
      const text = (await readUpload(payload, declared, 64 * 1024, tooLargeJson)).toString('utf8');
      if (text.trim() === '') return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new AppError('BAD_REQUEST', 'Isi permintaan bukan JSON yang sah.');
      }
    }
    const maxMb = await limitMb(request);
    return readUpload(payload, declared, maxMb * 1024 * 1024, () => evidenceTooLarge(maxMb));
  });

  app.post(
    UPLOAD_URL,
    {
      schema: {
        tags,
        summary:
          'Unggah bukti dukung (PDF, PNG/JPEG, xlsx, docx; isi berkas apa adanya) untuk laporan triwulan atau satu indikatornya',
        params: reportIdParam,
        querystring: uploadQuery,
        body: z.unknown(),
        response: { 200: evidenceSchema, 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const result = await inTenant(request, (ctx) =>
        uploadEvidence(ctx, store, {
          reportId: request.params.id,
          indicatorId: request.query.indicatorId,
          fileName: request.query.fileName,
          bytes,
        }),
      );
      return reply.status(result.created ? 201 : 200).send(toEvidence(result.evidence));
    },
  );

  app.get(
    '/api/monitoring/reports/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Daftar bukti dukung laporan triwulan',
        params: reportIdParam,
        response: { 200: evidenceListSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => ({
        items: (await listEvidence(ctx, request.params.id)).map(toEvidence),
      })),
  );

  app.get(
    '/api/monitoring/evidence/:id',
    {
      schema: {
        tags,
        summary: 'Unduh berkas bukti dukung',
        params: idParam,
      },
    },
    async (request, reply) => {
      const { evidence, bytes } = await inTenant(request, (ctx) =>
        readEvidenceFile(ctx, store, request.params.id),
      );
      return reply
        .type(evidence.contentType)
        .header('content-disposition', contentDisposition(evidence.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.delete(
    '/api/monitoring/evidence/:id',
    {
      schema: {
        tags,
        summary: 'Hapus bukti dukung (selama laporan masih draf atau dikembalikan)',
        params: idParam,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTenant(request, (ctx) => deleteEvidence(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
