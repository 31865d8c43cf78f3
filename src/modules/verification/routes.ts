import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../../server/read-upload.js';
import { AppError } from '../../shared/errors.js';
import { documentVerificationSchema, uploadVerificationSchema } from './verification-schemas.js';
import { verifyByCode } from './verify-by-code.js';
import { verifyUpload } from './verify-upload.js';

/**
 * Public verification by document code (the QR) or by uploading the PDF. No sign-in, no CSRF
 * (public routes; a cross-site POST is still refused by the Origin check), rate-limited per IP.
 * Uploads are read into memory up to VERIFY_MAX_UPLOAD_MB, checked, and dropped: never stored,
 * never logged.
 */

const tags = ['verifikasi'];
const PDF_TYPES = ['application/pdf', 'application/octet-stream'];

export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.services;
  const maxMb = config.VERIFY_MAX_UPLOAD_MB;
  const limit = maxMb * 1024 * 1024;
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `Berkas terlalu besar (maksimal ${maxMb} MB). Unggah berkas PDF dokumen seperti yang diterima dari Amanah.`,
    );
  const rateLimit = { max: config.VERIFY_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };

  // Scoped to this plugin: the rest of the API keeps its JSON parser. A PDF arrives raw.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(PDF_TYPES, (request: FastifyRequest, payload: IncomingMessage) =>
    readUpload(payload, Number(request.headers['content-length'] ?? 0), limit, tooLarge),
  );
  app.addContentTypeParser('*', async (request: FastifyRequest) => {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Kirim berkas PDF apa adanya (application/pdf). Jenis data "${String(
        request.headers['content-type'] ?? '',
      )
        .split(';')[0]
        ?.slice(0, 60)}" tidak diterima di sini.`,
    );
  });

  app.get(
    '/api/public/verify/limits',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Batas unggahan verifikasi (untuk halaman verifikasi)',
        response: { 200: z.object({ maxUploadMb: z.number().int() }) },
      },
    },
    async () => ({ maxUploadMb: maxMb }),
  );

  app.get(
    '/api/public/verify/:code',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Verifikasi dokumen dengan ID dokumen (dari kode QR), tanpa masuk',
        params: z.strictObject({ code: z.string().min(1).max(64) }),
        response: { 200: documentVerificationSchema },
      },
    },
    async (request) => verifyByCode(database, request.params.code),
  );

  app.post(
    '/api/public/verify',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: `Verifikasi berkas PDF yang diunggah (maksimal ${maxMb} MB), tanpa masuk; berkas tidak disimpan`,
        consumes: PDF_TYPES,
        // The raw PDF: read by the parser above, checked in the use case.
        body: z.unknown(),
        response: { 200: uploadVerificationSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new AppError(
          'BAD_REQUEST',
          'Tidak ada berkas yang terkirim. Pilih berkas PDF lalu kirim lagi.',
        );
      }
      return verifyUpload(database, request.body);
    },
  );
};
