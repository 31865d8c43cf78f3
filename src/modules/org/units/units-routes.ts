import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, requireTenantActor } from '../../../server/auth-plugin.js';
import { can } from '../../access/policy.js';
import { todayIn } from '../holders.js';
import {
  createUnitBody,
  idParam,
  isoDate,
  moveUnitBody,
  unitDetailSchema,
  unitSummarySchema,
  updateUnitBody,
  versionBody,
} from '../org-schemas.js';
import { archiveUnit, restoreUnit } from './archive-unit.js';
import { createUnit } from './create-unit.js';
import { getUnit } from './get-unit.js';
import { listUnits } from './list-units.js';
import { moveUnit } from './move-unit.js';
import { readUnitJson } from './read-unit.js';
import { updateUnit } from './update-unit.js';

const tags = ['organisasi'];
const dateQuery = z.strictObject({ date: isoDate.optional() });

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Seluruh pohon unit (daftar datar, disusun lewat parentId)',
        querystring: z.strictObject({
          includeArchived: z.enum(['true', 'false']).default('false'),
          date: isoDate.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(unitSummarySchema),
            permissions: z.object({ createRoot: z.boolean() }),
          }),
        },
      },
    },
    async (request) => {
      const { includeArchived, date } = request.query;
      return inTenant(request, async (ctx) => ({
        items: await listUnits(ctx, {
          includeArchived: includeArchived === 'true',
          date: date ?? todayIn(ctx.actor.timeZone),
        }),
        permissions: { createRoot: can(ctx.actor, 'org.write') },
      }));
    },
  );

  app.get(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Satu unit dengan sub-unit, jabatan dan pemegangnya',
        params: idParam,
        querystring: dateQuery,
        response: { 200: unitDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireTenantActor(request);
      const json = await readUnitJson(request.server.services.database, actor, {
        id: request.params.id,
        date: request.query.date ?? todayIn(actor.timeZone),
        orgVersion: request.auth?.orgVersion ?? null,
        ip: request.ip,
      });
      // Already JSON of unitDetailSchema (rendered once per cache entry and set of grants): a
      // string payload passes fastify's serializer untouched. The type provider types send() by
      // the schema's object type, hence the cast.
      return reply
        .type('application/json; charset=utf-8')
        .send(json as unknown as z.infer<typeof unitDetailSchema>);
    },
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Buat unit',
        body: createUnitBody,
        response: { 201: unitDetailSchema },
      },
    },
    async (request, reply) => {
      const unit = await inTenant(request, async (ctx) => {
        const id = await createUnit(ctx, request.body);
        return getUnit(ctx, id, todayIn(ctx.actor.timeZone));
      });
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Ubah unit',
        params: idParam,
        body: updateUnitBody,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateUnit(ctx, request.params.id, request.body);
        return getUnit(ctx, request.params.id, todayIn(ctx.actor.timeZone));
      }),
  );

  app.post(
    '/api/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Pindahkan unit (beserta sub-unitnya) ke induk lain',
        params: idParam,
        body: moveUnitBody,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await moveUnit(ctx, request.params.id, request.body);
        return getUnit(ctx, request.params.id, todayIn(ctx.actor.timeZone));
      }),
  );

  for (const [verb, action] of [
    ['archive', archiveUnit],
    ['restore', restoreUnit],
  ] as const) {
    app.post(
      `/api/units/:id/${verb}`,
      {
        schema: {
          tags,
          summary: verb === 'archive' ? 'Arsipkan unit' : 'Pulihkan unit dari arsip',
          params: idParam,
          body: versionBody,
          response: { 200: unitDetailSchema },
        },
      },
      async (request) =>
        inTenant(request, async (ctx) => {
          await action(ctx, request.params.id, request.body.version);
          return getUnit(ctx, request.params.id, todayIn(ctx.actor.timeZone));
        }),
    );
  }
};
