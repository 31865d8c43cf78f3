import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../../server/auth-plugin.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, canCreateEmployee } from '../../access/policy.js';
import { todayIn } from '../holders.js';
import {
  createEmployeeBody,
  employeeSchema,
  idParam,
  updateEmployeeBody,
  versionBody,
} from '../org-schemas.js';
import { setEmployeeArchived } from './archive-employee.js';
import { createEmployee } from './create-employee.js';
import { viewEmployees } from './employee-view.js';
import { findEmployee } from './find-employee.js';
import { searchEmployees } from './search-employees.js';
import { updateEmployee } from './update-employee.js';

const tags = ['organisasi'];

async function getEmployee(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, 'org.read');
  const [view] = await viewEmployees(
    ctx,
    [await findEmployee(ctx, id)],
    todayIn(ctx.actor.timeZone),
  );
  return view!;
}

export const employeeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/employees',
    {
      schema: {
        tags,
        summary: 'Cari pegawai berdasarkan nama atau NIP',
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          includeArchived: z.enum(['true', 'false']).default('false'),
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(employeeSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            permissions: z.object({ create: z.boolean() }),
          }),
        },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => ({
        ...(await searchEmployees(ctx, {
          ...request.query,
          includeArchived: request.query.includeArchived === 'true',
          date: todayIn(ctx.actor.timeZone),
        })),
        permissions: { create: canCreateEmployee(ctx.actor) },
      })),
  );

  app.get(
    '/api/employees/:id',
    {
      schema: { tags, summary: 'Satu pegawai', params: idParam, response: { 200: employeeSchema } },
    },
    async (request) => inTenant(request, (ctx) => getEmployee(ctx, request.params.id)),
  );

  app.post(
    '/api/employees',
    {
      schema: {
        tags,
        summary: 'Daftarkan pegawai',
        body: createEmployeeBody,
        response: { 201: employeeSchema },
      },
    },
    async (request, reply) => {
      const employee = await inTenant(request, async (ctx) =>
        getEmployee(ctx, await createEmployee(ctx, request.body)),
      );
      return reply.status(201).send(employee);
    },
  );

  app.patch(
    '/api/employees/:id',
    {
      schema: {
        tags,
        summary: 'Ubah data pegawai',
        params: idParam,
        body: updateEmployeeBody,
        response: { 200: employeeSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateEmployee(ctx, request.params.id, request.body, todayIn(ctx.actor.timeZone));
        return getEmployee(ctx, request.params.id);
      }),
  );

  for (const verb of ['archive', 'restore'] as const) {
    app.post(
      `/api/employees/:id/${verb}`,
      {
        schema: {
          tags,
          summary: verb === 'archive' ? 'Arsipkan pegawai' : 'Pulihkan pegawai',
          params: idParam,
          body: versionBody,
          response: { 200: employeeSchema },
        },
      },
      async (request) =>
        inTenant(request, async (ctx) => {
          await setEmployeeArchived(
            ctx,
            request.params.id,
            verb === 'archive',
            request.body.version,
            todayIn(ctx.actor.timeZone),
          );
          return getEmployee(ctx, request.params.id);
        }),
    );
  }
};
