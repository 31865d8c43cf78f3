import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { changeData } from '../audit/change-data.js';
import { assertVersion } from '../org/units/find-unit.js';
import { countActiveNodes } from './archive-node.js';
import { assertCodeFree, checkSupports } from './create-node.js';
import { findNode, nodeForWrite } from './find-plan.js';
import type { updateNodeBody } from './plan-schemas.js';
import { checkCode } from './plan-shape.js';
import { planNodes } from './schema.js';

/** Renames a node, changes its code or order, or re-links the RPJMD node it supports. */
export async function updateNode(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updateNodeBody>,
) {
  if (input.supportsNodeId) await findNode(ctx, input.supportsNodeId);
  const { node } = await nodeForWrite(ctx, id);
  assertVersion(node, input.version);
  const { version, ...changes } = input;
  if (changes.code !== undefined && changes.code !== node.code) {
    const parent = node.parentId ? await findNode(ctx, node.parentId) : null;
    checkCode(node.kind, changes.code, parent?.code ?? null);
    const children = await countActiveNodes(ctx, planNodes.parentId, id);
    if (children > 0 && (node.kind === 'program' || node.kind === 'kegiatan')) {
      throw new AppError(
        'PLAN_STRUCTURE',
        'Kode tidak dapat diubah selama masih ada butir di bawahnya yang kodenya mengikuti kode ini. Pindahkan atau arsipkan butir di bawahnya terlebih dahulu.',
        { field: 'code' },
      );
    }
    await assertCodeFree(ctx, { ...node, code: changes.code });
  }
  if (changes.supportsNodeId) await checkSupports(ctx, node, changes.supportsNodeId);
  await ctx.tx
    .update(planNodes)
    .set({ ...changes, version: sql`${planNodes.version} + 1` })
    .where(and(eq(planNodes.tenantId, ctx.tenantId), eq(planNodes.id, id)));
  await ctx.audit({
    action: 'plan_node.update',
    entityType: 'plan_node',
    entityId: id,
    data: changeData(node, changes),
  });
}
