import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` puts the web app (dist/web), found from source or from the bundle. */
export function findWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    resolve(here, '../../dist/web'),
    resolve(here, '../web'),
    resolve('dist/web'),
  ]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/**
 * Serves the built React app: hashed assets cached for a year, index.html never cached, and
 * every non-API path answered with index.html so deep links work.
 */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  const root = findWebRoot();
  if (!root) {
    app.log.warn('dist/web tidak ditemukan: jalankan `npm run build` untuk aplikasi web');
    return;
  }
  const indexHtml = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendIndex = (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, sendIndex);
  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `Alamat ${request.method} ${path} tidak ada.` },
      });
    }
    const file = join(root, path);
    if (file.startsWith(root) && path.includes('.') && existsSync(file)) {
      return reply.sendFile(path.slice(1));
    }
    return sendIndex(request, reply);
  });
}
