import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, requireAuth } from '../../server/auth-plugin.js';
import { notFound } from '../../shared/errors.js';
import { assertCan } from '../access/policy.js';
import { createUser } from '../auth/users/create-user.js';
import { idParam } from '../org/org-schemas.js';
import { createTenant } from './create-tenant.js';
import { tenants } from './schema.js';
import { createTenantBody, tenantSchema, updateTenantBody } from './tenant-schemas.js';
import { viewTenant } from './tenant-view.js';
import { updateOwnTenant } from './update-tenant.js';

const tags = ['pemda'];

export const tenantRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, secretBox } = app.services;

  app.get(
    '/api/tenant',
    { schema: { tags, summary: 'Pemda pengguna saat ini', response: { 200: tenantSchema } } },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'tenant.read');
        const [row] = await ctx.tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId));
        if (!row) throw notFound('Pemda');
        return viewTenant(ctx.actor, row);
      }),
  );

  app.patch(
    '/api/tenant',
    {
      schema: {
        tags,
        summary: 'Ubah profil dan pengaturan Pemda',
        body: updateTenantBody,
        response: { 200: tenantSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateOwnTenant(ctx, request.body);
        const [row] = await ctx.tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId));
        return viewTenant(ctx.actor, row!);
      }),
  );

  app.get(
    '/api/tenant/logo',
    { schema: { tags, summary: 'Logo Pemda (gambar)', hide: true } },
    async (request, reply) => {
      const logo = await inTenant(request, async (ctx) => {
        const [row] = await ctx.tx
          .select({ logo: tenants.logo })
          .from(tenants)
          .where(eq(tenants.id, ctx.tenantId));
        return row?.logo ?? null;
      });
      if (!logo) throw notFound('Logo');
      const [, mime, data] = /^data:([^;]+);base64,(.*)$/.exec(logo) ?? [];
      return (
        reply
          .type(mime ?? 'application/octet-stream')
          .header('cache-control', 'private, max-age=300')
          // An uploaded SVG is shown as an image, never run as a document of this origin.
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          )
          .send(Buffer.from(data ?? '', 'base64'))
      );
    },
  );

  app.get(
    '/api/platform/tenants',
    {
      schema: {
        tags: ['platform'],
        summary: 'Semua Pemda (admin platform)',
        response: { 200: z.object({ items: z.array(tenantSchema) }) },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      assertCan(actor, 'platform.tenants');
      const rows = await database.withSystem((tx) =>
        tx.select().from(tenants).orderBy(asc(tenants.name)),
      );
      return { items: rows.map((t) => viewTenant(actor, t)) };
    },
  );

  app.post(
    '/api/platform/tenants',
    {
      schema: {
        tags: ['platform'],
        summary: 'Buat Pemda baru beserta admin pertamanya',
        body: createTenantBody.extend({
          admin: z.strictObject({
            username: z.string().trim().min(3).max(64),
            displayName: z.string().trim().min(2).max(200),
            password: z.string().min(1).max(200),
          }),
        }),
        response: { 201: tenantSchema },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      assertCan(actor, 'platform.tenants');
      const { admin, ...tenant } = request.body;
      // The Pemda and its first admin are written together or not at all.
      const id = await database.withSystem(async (tx) => {
        const tenantId = await createTenant(tx, actor, tenant, request.ip, { secretBox });
        await createUser(
          tx,
          actor,
          {
            tenantId,
            username: admin.username,
            displayName: admin.displayName,
            password: admin.password,
            grants: [{ role: 'admin_pemda', unitId: null }],
            mustChangePassword: true,
          },
          request.ip,
        );
        return tenantId;
      });
      const [row] = await database.withSystem((tx) =>
        tx.select().from(tenants).where(eq(tenants.id, id)),
      );
      return reply.status(201).send(viewTenant(actor, row!));
    },
  );

  app.get(
    '/api/platform/tenants/:id',
    {
      schema: {
        tags: ['platform'],
        summary: 'Satu Pemda (admin platform)',
        params: idParam,
        response: { 200: tenantSchema },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      assertCan(actor, 'platform.tenants');
      const [row] = await database.withSystem((tx) =>
        tx.select().from(tenants).where(eq(tenants.id, request.params.id)),
      );
      if (!row) throw notFound('Pemda');
      return viewTenant(actor, row);
    },
  );
};
