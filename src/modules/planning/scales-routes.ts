import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import { can } from '../access/policy.js';
import { idParam } from '../org/org-schemas.js';
import { createScale } from './create-scale.js';
import { getScale, listScales } from './list-scales.js';
import { createScaleBody, scaleSchema, updateScaleBody } from './plan-schemas.js';
import { updateScale } from './update-scale.js';

const tags = ['perencanaan'];

/** The tenant's ordinal scales for qualitative targets (BPK opinion, SAKIP predikat, …). */
export const scalesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rating-scales',
    {
      schema: {
        tags,
        summary: 'Skala penilaian kualitatif Pemda',
        response: {
          200: z.object({
            items: z.array(scaleSchema),
            permissions: z.object({ create: z.boolean() }),
          }),
        },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => ({
        items: await listScales(ctx),
        permissions: { create: can(ctx.actor, 'plans.write') },
      })),
  );

  app.post(
    '/api/rating-scales',
    {
      schema: {
        tags,
        summary: 'Tambah skala penilaian',
        body: createScaleBody,
        response: { 201: scaleSchema },
      },
    },
    async (request, reply) => {
      const scale = await inTenant(request, async (ctx) =>
        getScale(ctx, await createScale(ctx, request.body)),
      );
      return reply.status(201).send(scale);
    },
  );

  app.patch(
    '/api/rating-scales/:id',
    {
      schema: {
        tags,
        summary: 'Ubah skala penilaian (nama, tingkat)',
        params: idParam,
        body: updateScaleBody,
        response: { 200: scaleSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateScale(ctx, request.params.id, request.body);
        return getScale(ctx, request.params.id);
      }),
  );
};
