import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { idParam } from '../org/org-schemas.js';
import { addUser } from './users/add-user.js';
import { findTenantUser } from './users/find-user.js';
import { grantRole } from './users/grant-role.js';
import { listUsers } from './users/list-users.js';
import { resetPassword } from './users/reset-password.js';
import { revokeRole } from './users/revoke-role.js';
import { unlockUser } from './users/unlock-user.js';
import { updateUser } from './users/update-user.js';
import {
  createUserBody,
  grantParams,
  grantRoleBody,
  listUsersQuery,
  resetPasswordBody,
  updateUserBody,
  userSchema,
} from './users/user-schemas.js';
import { viewUsers } from './users/user-view.js';

const tags = ['pengguna'];

async function getUser(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, 'users.read');
  const [view] = await viewUsers(ctx, [await findTenantUser(ctx, id)]);
  if (!view) throw new Error('user view missing');
  return view;
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Daftar pengguna Pemda beserta peran dan statusnya',
        querystring: listUsersQuery,
        response: {
          200: z.object({
            items: z.array(userSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => inTenant(request, (ctx) => listUsers(ctx, request.query)),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Satu pengguna', params: idParam, response: { 200: userSchema } } },
    async (request) => inTenant(request, (ctx) => getUser(ctx, request.params.id)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Buat pengguna baru dengan perannya',
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await inTenant(request, async (ctx) =>
        getUser(ctx, await addUser(ctx, request.body)),
      );
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Ubah nama, status (aktif/nonaktif) atau pegawai tertaut',
        params: idParam,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      return inTenant(request, async (ctx) => {
        await updateUser(ctx, request.params.id, request.body);
        return getUser(ctx, request.params.id);
      });
    },
  );

  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Berikan peran (seluruh Pemda atau satu unit beserta bawahannya)',
        params: idParam,
        body: grantRoleBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await inTenant(request, async (ctx) => {
        await grantRole(ctx, request.params.id, request.body);
        return getUser(ctx, request.params.id);
      });
      return reply.status(201).send(user);
    },
  );

  app.delete(
    '/api/users/:id/roles/:grantId',
    {
      schema: {
        tags,
        summary: 'Cabut satu peran pengguna',
        params: grantParams,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await revokeRole(ctx, request.params.id, request.params.grantId);
        return getUser(ctx, request.params.id);
      }),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Atur ulang kata sandi (wajib diganti saat masuk berikutnya)',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      return inTenant(request, async (ctx) => {
        await resetPassword(ctx, request.params.id, request.body.password);
        return getUser(ctx, request.params.id);
      });
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Buka kunci akun setelah terlalu banyak percobaan masuk gagal',
        params: idParam,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await unlockUser(ctx, request.params.id);
        return getUser(ctx, request.params.id);
      }),
  );
};
