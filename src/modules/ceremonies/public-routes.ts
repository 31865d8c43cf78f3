import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../shared/errors.js';
import { tenants } from '../tenants/schema.js';
import { BoardHub } from './board-hub.js';
import { boardTokenHash } from './board-token.js';
import { boardTokenParams, type PublicBoard, publicBoardSchema } from './ceremony-schemas.js';
import { findBoard, loadPublicBoard } from './public-board.js';

const tags = ['publik'];

/**
 * The venue board, public by its token: the board as JSON, the same board as a stream of
 * server-sent events (a `board` event on connect and after every change, a comment heartbeat),
 * and the Pemda's logo. Rate-limited per address; a wrong token is a calm 404.
 */
export const publicBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.services;
  const hub = new BoardHub(database, {
    onError: (error) => app.log.error({ err: error }, 'venue board refresh failed'),
  });
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => hub.close());

  app.get(
    '/api/public/ceremony-boards/:token',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Papan acara penandatanganan (tanpa masuk, dengan token tautan)',
        params: boardTokenParams,
        response: { 200: publicBoardSchema },
      },
    },
    async (request, reply) => {
      const board = await loadPublicBoard(
        database,
        await findBoard(database, request.params.token),
      );
      return reply.header('cache-control', 'no-store').send(board);
    },
  );

  app.get(
    '/api/public/ceremony-boards/:token/events',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Papan acara sebagai server-sent events: "board" saat tersambung dan setiap ada tanda tangan',
        params: boardTokenParams,
      },
    },
    async (request, reply) => {
      const hash = boardTokenHash(request.params.token);
      const ref = await findBoard(database, request.params.token);
      if (hub.count(hash) >= hub.maxPerBoard) {
        throw new AppError(
          'RATE_LIMITED',
          'Terlalu banyak layar membuka papan acara ini. Tutup layar yang tidak dipakai lalu coba lagi.',
        );
      }
      const initial = await loadPublicBoard(database, ref);
      // From here on the connection is a stream: errors can no longer be JSON answers.
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and similar proxies would otherwise hold events back in a buffer.
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // The browser's EventSource reconnects after this many milliseconds.
      res.write('retry: 3000\n\n');
      send('board', initial);
      const unsubscribe = hub.subscribe(hash, ref, initial, {
        board: (board: PublicBoard) => send('board', board),
        ping: () => {
          if (!res.writableEnded) res.write(': ping\n\n');
        },
        gone: (error) => {
          send('gone', { message: error.message });
          res.end();
        },
        end: () => res.end(),
      });
      // The response's 'close' is the socket's (the request's fires once its body is read).
      res.on('close', unsubscribe);
    },
  );

  app.get(
    '/api/public/ceremony-boards/:token/logo',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Logo Pemda untuk papan acara',
        params: boardTokenParams,
        hide: true,
      },
    },
    async (request, reply) => {
      const ref = await findBoard(database, request.params.token);
      const logo = await database.withTenant(ref.tenantId, async (tx) => {
        const [row] = await tx
          .select({ logo: tenants.logo })
          .from(tenants)
          .where(eq(tenants.id, ref.tenantId));
        return row?.logo ?? null;
      });
      const [, mime, data] = /^data:([^;]+);base64,(.*)$/s.exec(logo ?? '') ?? [];
      if (!mime || !data) throw notFound('Logo');
      return (
        reply
          .type(mime)
          .header('cache-control', 'public, max-age=300')
          // An uploaded SVG is shown as an image, never run as a document of this origin.
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          )
          .send(Buffer.from(data, 'base64'))
      );
    },
  );
};
