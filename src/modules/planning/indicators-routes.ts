import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { idParam, versionBody } from '../org/org-schemas.js';
import { setIndicatorArchived } from './archive-indicator.js';
import { createIndicator } from './create-indicator.js';
import { getIndicator } from './get-indicator.js';
import { createIndicatorBody, indicatorSchema, updateIndicatorBody } from './plan-schemas.js';
import { updateIndicator } from './update-indicator.js';

const tags = ['perencanaan'];

/** Indicators of plan nodes; every answer carries the saved indicator's quality findings. */
export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/indicators',
    {
      schema: {
        tags,
        summary: 'Tambah indikator dengan target tahunan',
        body: createIndicatorBody,
        response: { 201: indicatorSchema },
      },
    },
    async (request, reply) => {
      const indicator = await inTenant(request, async (ctx) =>
        getIndicator(ctx, await createIndicator(ctx, request.body)),
      );
      return reply.status(201).send(indicator);
    },
  );

  app.get(
    '/api/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Satu indikator dengan temuan kualitasnya',
        params: idParam,
        response: { 200: indicatorSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getIndicator(ctx, request.params.id)),
  );

  app.patch(
    '/api/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Ubah indikator (target, bila dikirim, mengganti seluruh daftar)',
        params: idParam,
        body: updateIndicatorBody,
        response: { 200: indicatorSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateIndicator(ctx, request.params.id, request.body);
        return getIndicator(ctx, request.params.id);
      }),
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/indicators/:id/${verb}`,
      {
        schema: {
          tags,
          summary: archived ? 'Arsipkan indikator' : 'Pulihkan indikator',
          params: idParam,
          body: versionBody,
          response: { 200: indicatorSchema },
        },
      },
      async (request) =>
        inTenant(request, async (ctx) => {
          await setIndicatorArchived(ctx, request.params.id, request.body.version, archived);
          return getIndicator(ctx, request.params.id);
        }),
    );
  }
};
