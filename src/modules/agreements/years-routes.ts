import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { assertCan, can } from '../access/policy.js';
import { idParam } from '../org/org-schemas.js';
import {
  agreementYearListSchema,
  agreementYearSchema,
  createAgreementYearBody,
  updateAgreementYearBody,
} from './agreement-schemas.js';
import {
  createAgreementYear,
  getAgreementYear,
  listAgreementYears,
  updateAgreementYear,
} from './agreement-years.js';

const tags = ['perjanjian-kinerja'];

/** PK years: the admin opens a year and sets its DPA approval date (the deadline's start). */
export const agreementYearRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agreement-years',
    {
      schema: {
        tags,
        summary: 'Tahun PK beserta tenggat dan jumlah PK per status',
        response: { 200: agreementYearListSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'agreements.read');
        return {
          items: await listAgreementYears(ctx),
          permissions: { create: can(ctx.actor, 'agreements.years') },
        };
      }),
  );

  app.post(
    '/api/agreement-years',
    {
      schema: {
        tags,
        summary: 'Buka tahun PK',
        body: createAgreementYearBody,
        response: { 201: agreementYearSchema },
      },
    },
    async (request, reply) => {
      const year = await inTenant(request, async (ctx) =>
        getAgreementYear(ctx, await createAgreementYear(ctx, request.body)),
      );
      return reply.status(201).send(year);
    },
  );

  app.patch(
    '/api/agreement-years/:id',
    {
      schema: {
        tags,
        summary: 'Ubah tanggal pengesahan DPA atau status tahun PK',
        params: idParam,
        body: updateAgreementYearBody,
        response: { 200: agreementYearSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateAgreementYear(ctx, request.params.id, request.body);
        return getAgreementYear(ctx, request.params.id);
      }),
  );
};
