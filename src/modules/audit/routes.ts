import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import { assertCan } from '../access/policy.js';
import { isoDate } from '../org/org-schemas.js';
import { auditActions } from './actions.js';
import { auditEvents } from './schema.js';
import { verifyChain } from './verify-chain.js';

const tags = ['audit'];

const eventSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'refused']),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Log audit Pemda, terbaru dahulu, dengan filter',
        querystring: z.strictObject({
          action: z.enum(auditActions).optional(),
          entityType: z.string().max(40).optional(),
          entityId: z.string().max(80).optional(),
          actor: z.string().max(64).optional(),
          outcome: z.enum(['ok', 'refused']).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(eventSchema), nextBefore: z.number().nullable() }),
        },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'audit.read');
        const q = request.query;
        const tz = ctx.actor.timeZone;
        const rows = await ctx.tx
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.tenantId, ctx.tenantId),
              q.action ? eq(auditEvents.action, q.action) : undefined,
              q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
              q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
              q.actor ? eq(auditEvents.actorLabel, q.actor.toLowerCase()) : undefined,
              q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
              // Dates are days in the tenant's zone.
              q.from
                ? gte(auditEvents.at, sql`(${q.from}::date)::timestamp at time zone ${tz}`)
                : undefined,
              q.to
                ? lt(auditEvents.at, sql`((${q.to}::date + 1)::timestamp at time zone ${tz})`)
                : undefined,
              q.before ? lt(auditEvents.seq, q.before) : undefined,
            ),
          )
          .orderBy(desc(auditEvents.seq))
          .limit(q.limit + 1);
        const page = rows.slice(0, q.limit);
        return {
          items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
          nextBefore: rows.length > q.limit ? (page[page.length - 1]?.seq ?? null) : null,
        };
      }),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Periksa keutuhan rantai hash log audit Pemda',
        response: {
          200: z.object({
            events: z.number(),
            intact: z.boolean(),
            firstBreak: z
              .object({ seq: z.number(), eventId: z.string().nullable(), reason: z.string() })
              .nullable(),
          }),
        },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        assertCan(ctx.actor, 'audit.read');
        const report = await verifyChain(ctx.tx, ctx.tenantId);
        return {
          events: report.events,
          intact: report.firstBreak === null,
          firstBreak: report.firstBreak,
        };
      }),
  );
};
