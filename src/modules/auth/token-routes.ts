import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import { idParam } from '../org/org-schemas.js';
import { createToken } from './tokens/create-token.js';
import { listOwnTokens } from './tokens/list-tokens.js';
import { revokeToken } from './tokens/revoke-token.js';
import { createdTokenSchema, createTokenBody, tokenSchema } from './tokens/token-schemas.js';

const tags = ['autentikasi'];

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Token API pribadi milik saya (tanpa rahasianya)',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (request) => inTenant(request, async (ctx) => ({ items: await listOwnTokens(ctx) })),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Buat token API pribadi (rahasia hanya ditampilkan sekali)',
        body: createTokenBody,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await inTenant(request, (ctx) => createToken(ctx, request.body));
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Cabut token API pribadi',
        params: idParam,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTenant(request, (ctx) => revokeToken(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
