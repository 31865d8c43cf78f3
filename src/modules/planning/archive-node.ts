import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { agreementBudgets, agreementObjectives } from '../agreements/schema.js';
import { assertVersion } from '../org/units/find-unit.js';
import { assertCodeFree } from './create-node.js';
import { findNode, nodeForWrite } from './find-plan.js';
import { checkCode, kindLabels } from './plan-shape.js';
import { planNodes } from './schema.js';

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

/**
 * How many active plan nodes point at node `id` through `link`: its children (parentId) or the
 * Renstra nodes supporting it (supportsNodeId).
 */
export function countActiveNodes(
  ctx: TenantContext,
  link: typeof planNodes.parentId | typeof planNodes.supportsNodeId,
  id: string,
): Promise<number> {
  return countOf(
    ctx.tx
      .select({ n: count() })
      .from(planNodes)
      .where(and(eq(planNodes.tenantId, ctx.tenantId), eq(link, id), isNull(planNodes.archivedAt))),
  );
}

/** Archives (or restores) the node, bumping its version, and audits it. */
async function setArchived(
  ctx: TenantContext,
  node: { id: string; kind: string; title: string },
  archived: boolean,
) {
  await ctx.tx
    .update(planNodes)
    .set({ archivedAt: archived ? new Date() : null, version: sql`${planNodes.version} + 1` })
    .where(and(eq(planNodes.tenantId, ctx.tenantId), eq(planNodes.id, node.id)));
  await ctx.audit({
    action: archived ? 'plan_node.archive' : 'plan_node.restore',
    entityType: 'plan_node',
    entityId: node.id,
    data: { kind: node.kind, title: node.title },
  });
}

/**
 * Archives a plan node. Nothing is deleted; a node that still has active children, is supported
 * by a Renstra node, or was taken into a PK must be released first.
 */
export async function archiveNode(ctx: TenantContext, id: string, expectedVersion: number) {
  const { node } = await nodeForWrite(ctx, id, { allowArchived: true });
  assertVersion(node, expectedVersion);
  if (node.archivedAt) return;
  const children = await countActiveNodes(ctx, planNodes.parentId, id);
  const supporters = await countActiveNodes(ctx, planNodes.supportsNodeId, id);
  const inAgreements =
    (await countOf(
      ctx.tx
        .select({ n: count() })
        .from(agreementObjectives)
        .where(
          and(
            eq(agreementObjectives.tenantId, ctx.tenantId),
            eq(agreementObjectives.sourceNodeId, id),
          ),
        ),
    )) +
    (await countOf(
      ctx.tx
        .select({ n: count() })
        .from(agreementBudgets)
        .where(
          and(eq(agreementBudgets.tenantId, ctx.tenantId), eq(agreementBudgets.sourceNodeId, id)),
        ),
    ));
  const label = kindLabels[node.kind];
  if (children > 0 || supporters > 0 || inAgreements > 0) {
    const reasons = [
      children > 0 ? `${children} butir di bawahnya masih aktif` : null,
      supporters > 0 ? `${supporters} tujuan/sasaran Renstra masih mendukungnya` : null,
      inAgreements > 0 ? `sudah dipakai dalam ${inAgreements} isian Perjanjian Kinerja` : null,
    ].filter(Boolean);
    throw new AppError(
      'HAS_DEPENDENTS',
      `${label[0]?.toUpperCase()}${label.slice(1)} "${node.title}" tidak dapat diarsipkan: ${reasons.join('; ')}. Arsipkan atau pindahkan tautannya terlebih dahulu.`,
      { children, supporters, agreements: inAgreements },
    );
  }
  await setArchived(ctx, node, true);
}

export async function restoreNode(ctx: TenantContext, id: string, expectedVersion: number) {
  const { node } = await nodeForWrite(ctx, id, { allowArchived: true });
  assertVersion(node, expectedVersion);
  if (!node.archivedAt) return;
  const parent = node.parentId ? await findNode(ctx, node.parentId) : null;
  if (parent?.archivedAt) {
    throw new AppError(
      'ARCHIVED',
      `Induknya "${parent.title}" masih diarsipkan. Pulihkan induknya dahulu.`,
    );
  }
  // While it was archived its code may have been given to another node, or its parent's code
  // may have changed: say so here rather than leave it to the unique index.
  checkCode(node.kind, node.code, parent?.code ?? null);
  await assertCodeFree(ctx, node);
  await setArchived(ctx, node, false);
}
