import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth, SESSION_COOKIE } from '../../server/auth-plugin.js';
import { setSessionCookie } from '../../server/session-cookie.js';
import { capabilities } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { tenants } from '../tenants/schema.js';
import { changePassword } from './change-password.js';
import { sessions } from './schema.js';
import { sessionExpired } from './sessions.js';
import { signIn } from './sign-in.js';

const tags = ['autentikasi'];

const sessionSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    isPlatformAdmin: z.boolean(),
    roles: z.array(z.object({ role: z.string(), unitId: z.uuid().nullable() })),
  }),
  tenant: z
    .object({
      id: z.uuid(),
      name: z.string(),
      shortName: z.string(),
      timeZone: z.string(),
      hasLogo: z.boolean(),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
  mfaState: z.enum(['passed', 'pending', 'setup_required']),
  mustChangePassword: z.boolean(),
  capabilities: z.record(z.string(), z.boolean()),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.services;

  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Masuk dengan nama pengguna atau NIP dan kata sandi',
        body: z.strictObject({
          identifier: z.string().trim().min(1, 'isi nama pengguna atau NIP').max(100),
          password: z.string().min(1, 'isi kata sandi').max(200),
        }),
        response: {
          200: z.object({
            mfaState: z.enum(['passed', 'pending', 'setup_required']),
            mustChangePassword: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await signIn(database, config, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!result.ok) throw result.error;
      setSessionCookie(reply, request, config, result.session);
      return { mfaState: result.session.mfaState, mustChangePassword: result.mustChangePassword };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'session' },
      schema: { tags, summary: 'Keluar', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (auth.sessionId) {
        const sessionId = auth.sessionId;
        // The session ends and its audit event is written in one transaction.
        await database.withSystem(async (tx) => {
          await tx.delete(sessions).where(eq(sessions.id, sessionId));
          await recordAudit(tx, {
            tenantId: auth.actor.tenantId,
            actor: auth.actor,
            action: 'auth.logout',
            entityType: 'user',
            entityId: auth.actor.userId,
            ip: request.ip,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sesi saat ini, peran, dan kemampuan pengguna (null bila belum masuk)',
        response: { 200: sessionSchema.nullable() },
      },
    },
    async (request) => {
      const auth = request.auth;
      // Never signed in: null. Signed in but the session ended: say so, the page tells the user.
      if (!auth && request.sessionEnded) throw sessionExpired();
      if (!auth) return null;
      const { actor } = auth;
      let tenant: z.infer<typeof sessionSchema>['tenant'] = null;
      if (actor.tenantId) {
        const [row] = await database.unsafeOwnerDb
          .select({
            id: tenants.id,
            name: tenants.name,
            shortName: tenants.shortName,
            timeZone: tenants.timeZone,
            logo: tenants.logo,
          })
          .from(tenants)
          .where(eq(tenants.id, actor.tenantId));
        if (row)
          tenant = {
            id: row.id,
            name: row.name,
            shortName: row.shortName,
            timeZone: row.timeZone,
            hasLogo: row.logo !== null,
          };
      }
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          isPlatformAdmin: actor.isPlatformAdmin,
          roles: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId })),
        },
        tenant,
        csrfToken: auth.csrfToken,
        mfaState: auth.mfaState,
        mustChangePassword: auth.mustChangePassword,
        capabilities: auth.mfaState === 'passed' ? capabilities(actor) : {},
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: {
        access: 'session',
        rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Ganti kata sandi sendiri',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await changePassword(database, config, auth, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );
};
