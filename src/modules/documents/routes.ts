import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { assertCan } from '../access/policy.js';
import { idParam } from '../org/org-schemas.js';
import { loadReadableDocument } from './document-access.js';
import { documentPdfQuery, documentSummarySchema } from './document-schemas.js';
import { ensureAgreementDocument } from './ensure-agreement-document.js';
import { documentFileName, getDocument } from './get-document.js';
import { loadDocumentFile } from './load-document-file.js';
import { previewAgreementPdf } from './preview-agreement-pdf.js';

const tags = ['dokumen'];

/** `inline` opens in the browser's PDF viewer, `attachment` saves ("Unduh"). */
function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function sendPdf(
  reply: FastifyReply,
  file: { pdf: Buffer; fileName: string; download: boolean; sha256?: string },
) {
  reply
    .type('application/pdf')
    .header(
      'content-disposition',
      contentDisposition(file.download ? 'attachment' : 'inline', file.fileName),
    )
    // Files of a document never change, but who may read them can: never cached by proxies.
    .header('cache-control', 'private, no-store')
    // The sign dialog shows the PDF in an iframe of our own pages; the app-wide policy
    // (frame-ancestors 'none') would blank it. Other sites still cannot frame it.
    .header('content-security-policy', "frame-ancestors 'self'");
  if (file.sha256) reply.header('x-document-sha256', file.sha256);
  return reply.send(file.pdf);
}

/** Documents: a PK's PDF (made once per version), downloads, the draft preview. */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.services;

  app.get(
    '/api/documents/:id',
    {
      schema: {
        tags,
        summary: 'Dokumen (PK atau Pakta Integritas): penandatangan dan status tanda tangan',
        params: idParam,
        response: { 200: documentSummarySchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getDocument(ctx, config, request.params.id)),
  );

  app.get(
    '/api/documents/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Berkas PDF dokumen (terkini, atau seq tertentu); download=1 untuk mengunduh',
        params: idParam,
        querystring: documentPdfQuery,
      },
    },
    async (request, reply) => {
      const download = request.query.download === '1';
      const file = await inTenant(request, async (ctx) => {
        const readable = await loadReadableDocument(ctx, request.params.id);
        const stored = await loadDocumentFile(ctx, readable.doc.id, request.query.seq);
        // Downloading a signed document is recorded (a signed copy leaves the system); opening
        // it in the browser and any unsigned draft are not, so viewing stays cheap.
        if (download && readable.doc.status === 'signed') {
          await ctx.audit({
            action: 'document.download',
            entityType: 'document',
            entityId: readable.doc.id,
            data: { code: readable.doc.code, seq: stored.seq, sha256: stored.sha256 },
          });
        }
        return {
          pdf: stored.content,
          sha256: stored.sha256,
          fileName: documentFileName(readable.doc),
        };
      });
      return sendPdf(reply, { ...file, download });
    },
  );

  app.get(
    '/api/agreements/:id/document',
    {
      schema: {
        tags,
        summary: 'Dokumen PDF sebuah PK (dibuat bila PK siap ditandatangani dan belum memilikinya)',
        params: idParam,
        response: { 200: documentSummarySchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'documents.read');
        const ref = await ensureAgreementDocument(ctx, config, request.params.id);
        return getDocument(ctx, config, ref.id);
      }),
  );

  app.get(
    '/api/agreements/:id/preview.pdf',
    {
      schema: {
        tags,
        summary: 'Pratinjau PDF PK dengan tanda "KONSEP" (status apa pun; tidak disimpan)',
        params: idParam,
      },
    },
    async (request, reply) => {
      const preview = await inTenant(request, (ctx) =>
        previewAgreementPdf(ctx, config, request.params.id),
      );
      return sendPdf(reply, { ...preview, download: false });
    },
  );
};
