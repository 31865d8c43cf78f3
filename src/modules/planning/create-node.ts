import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import {
  assertCanWriteTree,
  assertPeriodOpen,
  findNode,
  findPdUnit,
  findPeriod,
  type NodeRow,
} from './find-plan.js';
import type { createNodeBody } from './plan-schemas.js';
import { checkShape } from './plan-shape.js';
import { planNodes } from './schema.js';

/** Checks that a Renstra tujuan/sasaran names an RPJMD node of the same kind and period. */
export async function checkSupports(
  ctx: TenantContext,
  node: Pick<NodeRow, 'kind' | 'periodId' | 'unitId'>,
  supportsNodeId: string,
): Promise<void> {
  const supported = await findNode(ctx, supportsNodeId);
  const label = node.kind === 'tujuan' ? 'tujuan' : 'sasaran';
  if (node.unitId === null || (node.kind !== 'tujuan' && node.kind !== 'sasaran')) {
    throw new AppError(
      'PLAN_STRUCTURE',
      'Hanya tujuan dan sasaran Renstra yang ditautkan ke RPJMD.',
      { field: 'supportsNodeId' },
    );
  }
  if (
    supported.unitId !== null ||
    supported.kind !== node.kind ||
    supported.periodId !== node.periodId
  ) {
    throw new AppError(
      'PLAN_STRUCTURE',
      `${label[0]?.toUpperCase()}${label.slice(1)} Renstra hanya dapat mendukung ${label} RPJMD pada periode yang sama. Pilih ${label} dari daftar RPJMD.`,
      { field: 'supportsNodeId' },
    );
  }
  if (supported.archivedAt) {
    throw new AppError('ARCHIVED', `${label} RPJMD yang dipilih sudah diarsipkan.`, {
      field: 'supportsNodeId',
    });
  }
}

/** A code is unique inside one Renstra (among active nodes). */
export async function assertCodeFree(
  ctx: TenantContext,
  node: { id: string | null; periodId: string; unitId: string | null; code: string | null },
): Promise<void> {
  if (!node.code || node.unitId === null) return;
  const [same] = await ctx.tx
    .select({ title: planNodes.title })
    .from(planNodes)
    .where(
      and(
        eq(planNodes.tenantId, ctx.tenantId),
        eq(planNodes.periodId, node.periodId),
        eq(planNodes.unitId, node.unitId),
        eq(planNodes.code, node.code),
        isNull(planNodes.archivedAt),
        node.id ? ne(planNodes.id, node.id) : undefined,
      ),
    );
  if (same) {
    throw new AppError(
      'DUPLICATE',
      `Kode ${node.code} sudah dipakai "${same.title}" dalam Renstra ini.`,
      { field: 'code' },
    );
  }
}

/** Adds a node to the RPJMD (unitId null) or to a PD's Renstra. */
export async function createNode(ctx: TenantContext, input: z.infer<typeof createNodeBody>) {
  const period = await findPeriod(ctx, input.periodId, 'share');
  const unit = input.unitId ? await findPdUnit(ctx, input.unitId) : null;
  const parent = input.parentId ? await findNode(ctx, input.parentId) : null;
  if (input.supportsNodeId) await findNode(ctx, input.supportsNodeId);
  await assertCanWriteTree(ctx, input.unitId);
  assertPeriodOpen(period);
  if (unit?.archivedAt) {
    throw new AppError(
      'ARCHIVED',
      `"${unit.name}" sudah diarsipkan; Renstra-nya tidak dapat ditambah.`,
      { field: 'unitId' },
    );
  }
  if (parent) {
    if (parent.periodId !== input.periodId || parent.unitId !== input.unitId) {
      throw new AppError(
        'PLAN_STRUCTURE',
        'Induk yang dipilih berada di rencana lain (periode atau Perangkat Daerah berbeda).',
        { field: 'parentId' },
      );
    }
    if (parent.archivedAt) {
      throw new AppError('ARCHIVED', 'Induk yang dipilih sudah diarsipkan.', {
        field: 'parentId',
      });
    }
  }
  checkShape({ kind: input.kind, renstra: input.unitId !== null, parent, code: input.code });
  if (input.supportsNodeId) {
    await checkSupports(
      ctx,
      { kind: input.kind, periodId: input.periodId, unitId: input.unitId },
      input.supportsNodeId,
    );
  }
  await assertCodeFree(ctx, { id: null, ...input });
  const id = newId();
  await ctx.tx.insert(planNodes).values({
    tenantId: ctx.tenantId,
    id,
    periodId: input.periodId,
    unitId: input.unitId,
    parentId: input.parentId,
    kind: input.kind,
    code: input.code,
    title: input.title,
    supportsNodeId: input.supportsNodeId ?? null,
    sortOrder: input.sortOrder ?? 0,
  });
  await ctx.audit({
    action: 'plan_node.create',
    entityType: 'plan_node',
    entityId: id,
    data: { ...input },
  });
  return id;
}
