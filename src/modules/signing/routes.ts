import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, requireTenantActor } from '../../server/auth-plugin.js';
import { toAppError } from '../../server/error-handler.js';
import { documentSummarySchema } from '../documents/document-schemas.js';
import { getDocument } from '../documents/get-document.js';
import { idParam } from '../org/org-schemas.js';
import { listAttempts } from './list-attempts.js';
import { listTasks } from './list-tasks.js';
import { openSigningSession, signDocumentWithPassphrase } from './open-session.js';
import { registerBsreIdentity } from './register-bsre-identity.js';
import { resolveAttempt } from './resolve-attempt.js';
import { type BatchSummary, signBatch, uniqueIds } from './sign-batch.js';
import {
  attemptListQuery,
  attemptListSchema,
  batchBody,
  bsreIdentitySchema,
  registerBsreBody,
  resolveAttemptBody,
  signBody,
  tasksSchema,
} from './signing-schemas.js';

const tags = ['penandatanganan'];

/** While a slow document is being signed, a comment line keeps proxies from closing the stream. */
const HEARTBEAT_MS = 15_000;

/** Signing: Tugas Saya, one signature, a batch streamed as SSE, unknown remote outcomes. */
/**
 * Signing requests per signed-in person per minute. Each one tests a passphrase (the
 * certificate lock counts wrong ones); this caps how fast any account can try. Keyed by user,
 * not address: at a ceremony every head signs from the venue's one network. preHandler: the
 * user is known by then.
 */
const signRateLimit = {
  max: 30,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => request.auth?.actor.userId ?? request.ip,
};

export const signingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, secretBox } = app.services;
  const deps = { config, database, secretBox };

  app.get(
    '/api/signing/tasks',
    {
      schema: {
        tags,
        summary:
          'Tugas Saya: dokumen yang menunggu tanda tangan saya, menunggu pihak lain, dan yang baru saya tandatangani',
        response: { 200: tasksSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listTasks(ctx, config)),
  );

  app.post(
    '/api/documents/:id/sign',
    {
      config: { rateLimit: signRateLimit },
      schema: {
        tags,
        summary: 'Tandatangani satu dokumen (passphrase, dan kode autentikator bila diwajibkan)',
        params: idParam,
        body: signBody,
        response: { 200: documentSummarySchema },
      },
    },
    async (request) => {
      const actor = requireTenantActor(request);
      await signDocumentWithPassphrase(deps, {
        actor,
        ip: request.ip,
        documentId: request.params.id,
        passphrase: request.body.passphrase,
        totp: request.body.totp,
      });
      // The document as it now is (the documents module's summary), for the page to show.
      return inTenant(request, (ctx) => getDocument(ctx, config, request.params.id));
    },
  );

  app.post(
    '/api/signing/batch',
    {
      config: { rateLimit: signRateLimit },
      schema: {
        tags,
        summary:
          'Tandatangani banyak dokumen dengan satu passphrase; kemajuan dikirim sebagai server-sent events (start, progress, done)',
        description:
          'Penolakan sebelum mulai (passphrase salah, sertifikat terkunci, …) dijawab sebagai JSON biasa. Setelah itu text/event-stream: `start {total}`, `progress {documentId, index, status, error?, ms}` per dokumen, `done {signed, skipped, failed, totalMs, stopped}`. Koneksi yang terputus menghentikan proses setelah dokumen yang sedang ditandatangani.',
        body: batchBody,
      },
    },
    async (request, reply) => {
      const actor = requireTenantActor(request);
      const documentIds = uniqueIds(request.body.documentIds);
      // Proved before the stream starts: a wrong passphrase is a normal JSON error (and counted
      // once), not a stream of 48 failures.
      const { session, employeeId } = await openSigningSession(deps, {
        actor,
        ip: request.ip,
        passphrase: request.body.passphrase,
        totp: request.body.totp,
      });

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and similar proxies would otherwise hold the progress back in a buffer.
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => {
        if (!res.writableEnded && !res.destroyed) {
          res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        }
      };
      // The browser went away (tab closed, "Hentikan"): finish the current document, then stop.
      // (The request's own 'close' fires once its body is read; the response's is the socket's.)
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const heartbeat = setInterval(() => {
        if (!res.writableEnded && !res.destroyed) res.write(': ping\n\n');
      }, HEARTBEAT_MS);

      send('start', { total: documentIds.length });
      let summary: BatchSummary;
      try {
        const batch = signBatch(deps, {
          actor,
          ip: request.ip,
          documentIds,
          session,
          employeeId,
          signal: controller.signal,
          translateError: toAppError,
          onUnexpected: (error, documentId) =>
            request.log.error({ err: error, documentId }, 'batch signing: unexpected error'),
        });
        let next = await batch.next();
        while (!next.done) {
          send('progress', next.value);
          next = await batch.next();
        }
        summary = next.value;
      } catch (error) {
        // Nothing may escape a hijacked reply; what was signed stays signed.
        request.log.error({ err: error }, 'batch signing stopped');
        const appError = toAppError(error);
        summary = {
          signed: 0,
          skipped: 0,
          failed: 0,
          totalMs: 0,
          stopped: { code: appError.code, message: appError.message },
        };
      } finally {
        clearInterval(heartbeat);
      }
      send('done', summary);
      res.end();
    },
  );

  app.get(
    '/api/signing/attempts',
    {
      schema: {
        tags,
        summary: 'Permintaan tanda tangan ke penyedia jarak jauh (BSrE) menurut status',
        querystring: attemptListQuery,
        response: { 200: attemptListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listAttempts(ctx, config, request.query.state)),
  );

  app.post(
    '/api/signing/attempts/:id/resolve',
    {
      schema: {
        tags,
        summary:
          'Tandai permintaan yang hasilnya tidak diketahui sebagai sudah diperiksa (dengan catatan)',
        params: idParam,
        body: resolveAttemptBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTenant(request, (ctx) =>
        resolveAttempt(ctx, config, request.params.id, request.body.note),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/signing/certificate/bsre',
    {
      schema: {
        tags,
        summary: 'Daftarkan NIK untuk tanda tangan melalui BSrE (Pemda yang memakai BSrE)',
        body: registerBsreBody,
        response: { 201: bsreIdentitySchema },
      },
    },
    async (request, reply) => {
      const identity = await inTenant(request, (ctx) =>
        registerBsreIdentity(ctx, request.body.nik),
      );
      return reply.status(201).send(identity);
    },
  );
};
