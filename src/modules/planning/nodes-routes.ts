import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../server/auth-plugin.js';
import type { TenantContext } from '../access/context.js';
import { idParam, versionBody } from '../org/org-schemas.js';
import { archiveNode, restoreNode } from './archive-node.js';
import { createNode } from './create-node.js';
import { findNode } from './find-plan.js';
import { budgetLineSchema, budgetsBody, createNodeBody, updateNodeBody } from './plan-schemas.js';
import { replaceBudgets } from './replace-budgets.js';
import { budgetLines } from './schema.js';
import { updateNode } from './update-node.js';

const tags = ['perencanaan'];

const nodeResult = z.object({
  id: z.uuid(),
  kind: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  parentId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  periodId: z.uuid(),
  supportsNodeId: z.uuid().nullable(),
  sortOrder: z.number(),
  version: z.number(),
  archived: z.boolean(),
  budgets: z.array(budgetLineSchema),
});

/** A node after a write: enough for the editor to carry on (the page refetches its tree). */
async function nodeResultOf(ctx: TenantContext, id: string) {
  const node = await findNode(ctx, id);
  const budgets = await ctx.tx
    .select({ year: budgetLines.year, kind: budgetLines.kind, amount: budgetLines.amount })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, ctx.tenantId), eq(budgetLines.nodeId, id)))
    .orderBy(asc(budgetLines.year), asc(budgetLines.kind));
  return {
    id: node.id,
    kind: node.kind,
    code: node.code,
    title: node.title,
    parentId: node.parentId,
    unitId: node.unitId,
    periodId: node.periodId,
    supportsNodeId: node.supportsNodeId,
    sortOrder: node.sortOrder,
    version: node.version,
    archived: node.archivedAt !== null,
    budgets,
  };
}

/** Nodes of the RPJMD and Renstra trees, and the budget lines of programs/kegiatan/sub. */
export const nodesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/plan-nodes',
    {
      schema: {
        tags,
        summary: 'Tambah butir rencana (misi, tujuan, sasaran, program, kegiatan, sub kegiatan)',
        body: createNodeBody,
        response: { 201: nodeResult },
      },
    },
    async (request, reply) => {
      const node = await inTenant(request, async (ctx) =>
        nodeResultOf(ctx, await createNode(ctx, request.body)),
      );
      return reply.status(201).send(node);
    },
  );

  app.patch(
    '/api/plan-nodes/:id',
    {
      schema: {
        tags,
        summary: 'Ubah butir rencana',
        params: idParam,
        body: updateNodeBody,
        response: { 200: nodeResult },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await updateNode(ctx, request.params.id, request.body);
        return nodeResultOf(ctx, request.params.id);
      }),
  );

  for (const [verb, action] of [
    ['archive', archiveNode],
    ['restore', restoreNode],
  ] as const) {
    app.post(
      `/api/plan-nodes/:id/${verb}`,
      {
        schema: {
          tags,
          summary: verb === 'archive' ? 'Arsipkan butir rencana' : 'Pulihkan butir rencana',
          params: idParam,
          body: versionBody,
          response: { 200: nodeResult },
        },
      },
      async (request) =>
        inTenant(request, async (ctx) => {
          await action(ctx, request.params.id, request.body.version);
          return nodeResultOf(ctx, request.params.id);
        }),
    );
  }

  app.put(
    '/api/plan-nodes/:id/budgets',
    {
      schema: {
        tags,
        summary: 'Ganti pagu per tahun sebuah program, kegiatan, atau sub kegiatan',
        params: idParam,
        body: budgetsBody,
        response: { 200: nodeResult },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        await replaceBudgets(ctx, request.params.id, request.body);
        return nodeResultOf(ctx, request.params.id);
      }),
  );
};
