import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { idParam } from '../org/org-schemas.js';
import { listInbox } from './list-inbox.js';
import { listNotifications } from './list-notifications.js';
import { markAllNotificationsRead, markNotificationRead } from './mark-read.js';
import {
  inboxSchema,
  notificationListQuery,
  notificationListSchema,
  notificationSchema,
  readAllSchema,
} from './notification-schemas.js';

const tags = ['tugas-dan-notifikasi'];

/** Tugas Saya inbox and in-app notifications: each user sees only their own. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.services;

  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary:
          'Tugas Saya: semua yang harus saya kerjakan (tanda tangan, isi/perbaiki realisasi, setujui, verifikasi, buka kunci), urut batas waktu',
        response: { 200: inboxSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listInbox(ctx, config)),
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Notifikasi saya, terbaru dahulu, dengan jumlah yang belum dibaca',
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) =>
        listNotifications(ctx, {
          unread: request.query.unread === 'true',
          limit: request.query.limit,
        }),
      ),
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Tandai semua notifikasi saya sudah dibaca',
        response: { 200: readAllSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => markAllNotificationsRead(ctx)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Tandai satu notifikasi saya sudah dibaca',
        params: idParam,
        response: { 200: notificationSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => markNotificationRead(ctx, request.params.id)),
  );
};
