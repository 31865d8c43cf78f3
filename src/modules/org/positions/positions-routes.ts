import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../../server/auth-plugin.js';
import { todayIn } from '../holders.js';
import {
  assignmentSchema,
  createPositionBody,
  holderSchema,
  idParam,
  isoDate,
  positionSchema,
  updatePositionBody,
  versionBody,
} from '../org-schemas.js';
import { archivePosition, restorePosition } from './archive-position.js';
import { createPosition } from './create-position.js';
import { getPosition } from './get-position.js';
import { listPositions } from './list-positions.js';
import { updatePosition } from './update-position.js';

const tags = ['organisasi'];
const positionDetail = positionSchema.extend({
  superior: z
    .object({ positionId: z.uuid(), title: z.string(), holder: holderSchema.nullable() })
    .nullable(),
  assignments: z.array(assignmentSchema),
});

export const positionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/positions',
    {
      schema: {
        tags,
        summary: 'Daftar jabatan per unit, pencarian judul, atau pimpinan daerah',
        querystring: z.strictObject({
          unitId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
          leaders: z.enum(['true', 'false']).optional(),
          date: isoDate.optional(),
        }),
        response: { 200: z.object({ items: z.array(positionSchema) }) },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => ({
        items: await listPositions(ctx, {
          ...request.query,
          leaders: request.query.leaders === 'true',
          date: request.query.date ?? todayIn(ctx.actor.timeZone),
        }),
      })),
  );

  app.get(
    '/api/positions/:id',
    {
      schema: {
        tags,
        summary: 'Jabatan dengan pemegang, atasan, dan riwayat penugasan',
        params: idParam,
        querystring: z.strictObject({ date: isoDate.optional() }),
        response: { 200: positionDetail },
      },
    },
    async (request) =>
      inTenant(request, (ctx) =>
        getPosition(ctx, request.params.id, request.query.date ?? todayIn(ctx.actor.timeZone)),
      ),
  );

  app.post(
    '/api/positions',
    {
      schema: {
        tags,
        summary: 'Buat jabatan',
        body: createPositionBody,
        response: { 201: positionDetail },
      },
    },
    async (request, reply) => {
      const position = await inTenant(request, async (ctx) => {
        const id = await createPosition(ctx, request.body);
        return getPosition(ctx, id, todayIn(ctx.actor.timeZone));
      });
      return reply.status(201).send(position);
    },
  );

  app.patch(
    '/api/positions/:id',
    {
      schema: {
        tags,
        summary: 'Ubah atau pindahkan jabatan',
        params: idParam,
        body: updatePositionBody,
        response: { 200: positionDetail },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updatePosition(ctx, request.params.id, request.body);
        return getPosition(ctx, request.params.id, todayIn(ctx.actor.timeZone));
      }),
  );

  app.post(
    '/api/positions/:id/archive',
    {
      schema: {
        tags,
        summary: 'Arsipkan jabatan',
        params: idParam,
        body: versionBody,
        response: { 200: positionDetail },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await archivePosition(ctx, request.params.id, request.body.version, ctx.actor.timeZone);
        return getPosition(ctx, request.params.id, todayIn(ctx.actor.timeZone));
      }),
  );

  app.post(
    '/api/positions/:id/restore',
    {
      schema: {
        tags,
        summary: 'Pulihkan jabatan',
        params: idParam,
        body: versionBody,
        response: { 200: positionDetail },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await restorePosition(ctx, request.params.id, request.body.version);
        return getPosition(ctx, request.params.id, todayIn(ctx.actor.timeZone));
      }),
  );
};
