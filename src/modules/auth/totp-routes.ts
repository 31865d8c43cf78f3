import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../server/auth-plugin.js';
import { setSessionCookie } from '../../server/session-cookie.js';
import { disableTotp } from './totp/disable-totp.js';
import { enableTotp } from './totp/enable-totp.js';
import { setupTotp } from './totp/setup-totp.js';
import { totpStatus } from './totp/totp-status.js';
import { verifySecondFactor } from './totp/verify-totp.js';

const tags = ['autentikasi'];
const code = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, 'kode 6 angka dari aplikasi autentikator');

export const totpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, secretBox } = app.services;

  app.get(
    '/api/auth/totp',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Status verifikasi dua langkah (TOTP) akun saya',
        response: {
          200: z.object({
            enabled: z.boolean(),
            enabledAt: z.string().nullable(),
            setupPending: z.boolean(),
            recoveryCodesLeft: z.number(),
          }),
        },
      },
    },
    async (request) => totpStatus(database, requireAuth(request)),
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Mulai penyiapan aplikasi autentikator (rahasia dan kode QR)',
        body: z.strictObject({}).optional(),
        response: {
          200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const setup = await setupTotp(database, secretBox, requireAuth(request), request.ip);
      return reply.header('cache-control', 'no-store').send(setup);
    },
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Aktifkan verifikasi dua langkah dengan kode pertama; menerima kode pemulihan',
        body: z.strictObject({ code }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const { session, ...result } = await enableTotp(
        database,
        config,
        secretBox,
        requireAuth(request),
        request.body.code,
        request.ip,
      );
      setSessionCookie(reply, request, config, session);
      return reply.header('cache-control', 'no-store').send(result);
    },
  );

  app.post(
    '/api/auth/totp/verify',
    {
      config: {
        access: 'session',
        rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Langkah kedua saat masuk: kode autentikator atau kode pemulihan',
        body: z
          .strictObject({
            code: code.optional(),
            recoveryCode: z.string().trim().min(1).max(40).optional(),
          })
          .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
            message: 'isi salah satu: code atau recoveryCode',
          }),
        response: {
          200: z.object({
            mfaState: z.literal('passed'),
            recoveryCodesLeft: z.number().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { code: totpCode, recoveryCode } = request.body;
      const { session, ...result } = await verifySecondFactor(
        database,
        config,
        secretBox,
        requireAuth(request),
        totpCode !== undefined ? { code: totpCode } : { recoveryCode: recoveryCode ?? '' },
        request.ip,
      );
      setSessionCookie(reply, request, config, session);
      return { mfaState: 'passed' as const, ...result };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Nonaktifkan verifikasi dua langkah (konfirmasi kata sandi)',
        body: z.strictObject({ password: z.string().min(1, 'isi kata sandi').max(200) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableTotp(database, config, requireAuth(request), request.body.password, request.ip);
      return reply.status(204).send(null);
    },
  );
};
