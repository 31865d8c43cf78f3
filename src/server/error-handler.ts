import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../shared/errors.js';
import { translateDbError } from './db-errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

// zod speaks Indonesian (its `id` locale) for every message it makes itself.
z.config(z.locales.id());

/** "field: message", the path saying which field is wrong. */
function describeIssue(issue: { path: string[]; message: string }): string {
  return `${issue.path.join('.') || 'permintaan'}: ${issue.message}`;
}

/** Every way a request can fail ends here: one JSON shape, Indonesian text, no stack traces. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validation?: unknown[] };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? 'tidak valid',
      code: v.keyword,
    }));
    const where = error.validationContext;
    return new AppError(
      'VALIDATION_FAILED',
      `Data tidak valid: ${issues.map(describeIssue).join('; ')}`,
      { in: where, issues: issues.map(({ path, message, code }) => ({ path, message, code })) },
    );
  }
  const translated = translateDbError(error);
  if (translated) return translated;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'Ukuran data melebihi batas 1 MB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Format data harus application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('BAD_REQUEST', 'Isi permintaan bukan JSON yang valid.');
    case 'FST_ERR_VALIDATION':
      return new AppError('VALIDATION_FAILED', `Data tidak valid: ${fastifyError.message}`);
    default:
      break;
  }
  if (fastifyError.statusCode === 429) {
    return new AppError(
      'RATE_LIMITED',
      'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
    );
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('BAD_REQUEST', 'Permintaan tidak dapat diproses.');
  }
  return new AppError(
    'INTERNAL',
    'Terjadi kesalahan pada server. Silakan coba lagi; bila berulang, hubungi admin dengan kode permintaan ini.',
  );
}

export function registerErrorHandler(
  app: FastifyInstance,
  onRefused: (request: FastifyRequest, error: AppError) => Promise<void>,
): void {
  app.setErrorHandler(async (error, request, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') {
      request.log.error({ err: error }, 'unexpected error');
      if (process.env.AMANAH_DEBUG_ERRORS === '1')
        process.stderr.write(`${String((error as Error).stack)}\n`);
    } else if (appError.code === 'FORBIDDEN' || appError.code === 'CSRF_FAILED') {
      await onRefused(request, appError).catch((auditError: unknown) =>
        request.log.error({ err: auditError }, 'could not audit a refused request'),
      );
    }
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
        ...(appError.code === 'INTERNAL' ? { requestId: request.id } : {}),
      },
    };
    if (appError.code === 'RATE_LIMITED' && reply.getHeader('retry-after') === undefined) {
      reply.header('retry-after', '60');
    }
    return reply.status(appError.status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'NOT_FOUND', message: `Alamat ${request.method} ${request.url} tidak ada.` },
    };
    return reply.status(404).send(body);
  });
}
