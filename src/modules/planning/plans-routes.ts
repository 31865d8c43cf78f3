import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import { idParam } from '../org/org-schemas.js';
import { createPlan } from './create-plan.js';
import { getPlan } from './get-plan.js';
import { listPlans } from './list-plans.js';
import { listRenstra } from './list-renstra.js';
import {
  createPeriodBody,
  periodSchema,
  renstraRowSchema,
  treeSchema,
  updatePeriodBody,
} from './plan-schemas.js';
import { readTree } from './read-tree.js';
import { updatePlan } from './update-plan.js';

const tags = ['perencanaan'];

/** RPJMD periods, the Renstra overview per PD, and whole plan trees. */
export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Daftar periode RPJMD',
        response: {
          200: z.object({
            items: z.array(periodSchema),
            permissions: z.object({ create: z.boolean() }),
          }),
        },
      },
    },
    async (request) => inTenant(request, (ctx) => listPlans(ctx)),
  );

  app.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Buat periode RPJMD (5 tahun, berstatus draf)',
        body: createPeriodBody,
        response: { 201: periodSchema },
      },
    },
    async (request, reply) => {
      const period = await inTenant(request, async (ctx) =>
        getPlan(ctx, await createPlan(ctx, request.body)),
      );
      return reply.status(201).send(period);
    },
  );

  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Satu periode RPJMD',
        params: idParam,
        response: { 200: periodSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getPlan(ctx, request.params.id)),
  );

  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Ubah periode RPJMD (nama, visi, status draf → berlaku → ditutup)',
        params: idParam,
        body: updatePeriodBody,
        response: { 200: periodSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updatePlan(ctx, request.params.id, request.body);
        return getPlan(ctx, request.params.id);
      }),
  );

  app.get(
    '/api/plans/:id/renstra',
    {
      schema: {
        tags,
        summary: 'Ringkasan Renstra setiap Perangkat Daerah dalam periode',
        params: idParam,
        response: { 200: z.object({ items: z.array(renstraRowSchema) }) },
      },
    },
    async (request) => inTenant(request, (ctx) => listRenstra(ctx, request.params.id)),
  );

  app.get(
    '/api/plans/:id/tree',
    {
      schema: {
        tags,
        summary: 'Pohon RPJMD (tanpa unitId) atau Renstra satu Perangkat Daerah, lengkap',
        params: idParam,
        querystring: z.strictObject({
          unitId: z.uuid('unitId harus UUID').optional(),
          includeArchived: z.enum(['true', 'false']).default('false'),
        }),
        response: { 200: treeSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) =>
        readTree(
          ctx,
          request.params.id,
          request.query.unitId ?? null,
          request.query.includeArchived === 'true',
        ),
      ),
  );
};
