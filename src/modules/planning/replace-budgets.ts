import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertVersion } from '../org/units/find-unit.js';
import { nodeForWrite } from './find-plan.js';
import type { budgetsBody } from './plan-schemas.js';
import { budgetLines, planNodes } from './schema.js';

/** Rupiah with at most two decimals, never negative; 18 integer digits fit numeric(20,2). */
const AMOUNT = /^\d{1,18}(\.\d{1,2})?$/;

/** "12.5" → "12.50": money always reads with two decimals. */
export function moneyText(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

/** Replaces the budget lines (pagu indikatif, DPA, DPA-P per year) of a program/kegiatan/sub. */
export async function replaceBudgets(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof budgetsBody>,
) {
  const { node, period } = await nodeForWrite(ctx, id);
  assertVersion(node, input.version);
  if (node.kind !== 'program' && node.kind !== 'kegiatan' && node.kind !== 'sub_kegiatan') {
    throw new AppError(
      'PLAN_STRUCTURE',
      'Pagu anggaran hanya dicatat pada program, kegiatan, dan sub kegiatan.',
    );
  }
  const seen = new Set<string>();
  const fields: { path: string; message: string }[] = [];
  input.lines.forEach((line, index) => {
    const path = `lines.${index}`;
    if (!AMOUNT.test(line.amount)) {
      fields.push({
        path: `${path}.amount`,
        message: `Jumlah ${line.year} harus angka Rupiah tidak negatif dengan paling banyak 2 desimal (titik sebagai pemisah desimal), misalnya 1250000000.50.`,
      });
    }
    if (line.year < period.startYear || line.year > period.endYear) {
      fields.push({
        path: `${path}.year`,
        message: `Tahun ${line.year} di luar periode ${period.startYear}–${period.endYear}.`,
      });
    }
    const key = `${line.year}:${line.kind}`;
    if (seen.has(key)) {
      fields.push({ path, message: `Tahun ${line.year} jenis ${line.kind} tercantum dua kali.` });
    }
    seen.add(key);
  });
  const first = fields[0];
  if (first) {
    throw new AppError(
      first.path.endsWith('amount') ? 'INVALID_NUMBER' : 'VALIDATION_FAILED',
      first.message,
      { field: first.path, fields },
    );
  }
  const before = await ctx.tx
    .select({ year: budgetLines.year, kind: budgetLines.kind, amount: budgetLines.amount })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, ctx.tenantId), eq(budgetLines.nodeId, id)));
  await ctx.tx
    .delete(budgetLines)
    .where(and(eq(budgetLines.tenantId, ctx.tenantId), eq(budgetLines.nodeId, id)));
  const lines = input.lines.map((l) => ({ ...l, amount: moneyText(l.amount) }));
  if (lines.length > 0) {
    await ctx.tx
      .insert(budgetLines)
      .values(lines.map((l) => ({ ...l, tenantId: ctx.tenantId, nodeId: id })));
  }
  await ctx.tx
    .update(planNodes)
    .set({ version: sql`${planNodes.version} + 1` })
    .where(and(eq(planNodes.tenantId, ctx.tenantId), eq(planNodes.id, id)));
  await ctx.audit({
    action: 'budget.update',
    entityType: 'plan_node',
    entityId: id,
    data: { before, after: lines },
  });
}
