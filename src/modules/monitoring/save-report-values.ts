import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import {
  parseRealisasiInput,
  type RealisasiValue,
  rulesFromSettings,
} from '../../shared/capaian/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { formatIndonesianNumber, parseIndonesianNumber } from '../../shared/indonesian-number.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { actorUserId } from '../agreements/agreement-common.js';
import { assertVersion } from '../org/units/find-unit.js';
import { moneyText } from '../planning/replace-budgets.js';
import {
  type IndicatorYear,
  loadIndicatorYears,
  recomputeIndicatorYears,
  yearKey,
} from './indicator-years.js';
import { assertAgreementCurrent, type LoadedReport, loadReport } from './load-report.js';
import type { SaveValuesInput } from './monitoring-schemas.js';
import { assertReportOpen } from './quarter-lock.js';

export interface SaveReportValuesOptions {
  /** Record the `quarter_report.save` audit event (default true; an import records its own). */
  audit?: boolean;
  /** How numbers are read: parseIndonesianNumber's style (default 'auto'). */
  style?: 'auto' | 'indonesian';
}

export interface SaveReportValuesResult {
  reportId: string;
  /** The report's version after the save (unchanged when nothing changed). */
  version: number;
  /** False when the payload equalled what is stored (a double click): nothing was written. */
  changed: boolean;
  /** Realisasi rows written (inserted or changed). */
  valuesSaved: number;
  /** Budget rows written. */
  budgetsSaved: number;
  /** The report as loaded for the save, with the version after it (to answer without reading again). */
  loaded: LoadedReport;
}

/** One refused input; every one is reported at once (details.errors). */
export interface SaveError {
  indicatorId: string | null;
  budgetId?: string;
  field: 'indicatorId' | 'value' | 'budgetId' | 'amount';
  message: string;
  code: ErrorCode;
}

interface BudgetRowSql {
  id: string;
  ceiling: string;
  sub_code: string | null;
  sub_name: string | null;
  program_name: string;
  current: string | null;
  others: string;
}

interface NewRow {
  indicatorId: string;
  value: RealisasiValue | null;
  analysis: string;
  obstacles: string;
  followUp: string;
}

const sameValue = (a: RealisasiValue | null, b: RealisasiValue | null): boolean => {
  if (a === null || b === null) return a === b;
  if (a.kind === 'number' && b.kind === 'number') return new Decimal(a.value).equals(b.value);
  return a.kind === 'scale' && b.kind === 'scale' && a.code === b.code;
};

/** Rupiah with at most two decimals. */
const TWO_DECIMALS = /^-?\d+(\.\d{1,2})?$/;

/**
 * Saves realisasi values, narratives and budget spending of one quarter report, all or nothing,
 * and recomputes with the capaian engine every stored capaian of the indicators whose value
 * changed (all four quarters of the year: a TW II change moves TW III/IV to date), in the
 * caller's transaction (`ctx.tx`; it never opens another, so an Excel import can call it for
 * several reports inside its own transaction).
 *
 * Values are texts as typed ("1.234,5", "87,5", "WTP"; null or "" clears, omitted leaves the
 * value unchanged, like omitted narrative fields). Every wrong input is reported at once
 * (`details.errors: [{ indicatorId, field, message, code }]`); the error's code is the shared
 * code of the errors (INVALID_NUMBER, NEGATIVE_NOT_ALLOWED, INVALID_TARGET, BUDGET_OVER_CEILING)
 * or VALIDATION_FAILED when they differ. A payload equal to what is stored changes nothing and
 * keeps the version (a double click answers 200); otherwise `input.version` must be current.
 *
 * Refuses: another unit's user (403), a PK that is not signed or was superseded
 * (AGREEMENT_NOT_SIGNED), a report already submitted/approved/verified (NOT_EDITABLE), a quarter
 * not begun or past its deadline without an unlock (QUARTER_LOCKED).
 */
export async function saveReportValues(
  ctx: TenantContext,
  reportId: string,
  input: SaveValuesInput,
  opts: SaveReportValuesOptions = {},
): Promise<SaveReportValuesResult> {
  // Saves on different quarters of one PK and year read each other's values (to-date capaian,
  // spending against the pagu): serialise them per PK root and year, not only per report.
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(a.root_id::text || ':' || r.year, 0))
          from quarter_reports r
          join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
         where r.tenant_id = ${ctx.tenantId} and r.id = ${reportId}`,
  );
  const loaded = await loadReport(ctx, reportId, { lock: true });
  assertCan(ctx.actor, 'realisasi.write', { unitPath: loaded.unitPath });
  assertAgreementCurrent(loaded.agreement);
  assertReportEditable(loaded);
  assertReportOpen(loaded.report, loaded.settings, loaded.today, loaded.now);

  const { report } = loaded;
  const tenantId = ctx.tenantId;
  const q = report.quarter;
  const errors: SaveError[] = [];

  // ---- Values ----
  const years = await loadIndicatorYears(
    ctx.tx,
    tenantId,
    sql`ai.agreement_id = ${report.agreementId}`,
    [report.year],
  );
  const seen = new Set<string>();
  const changedRows: NewRow[] = [];
  const valueChanged = new Set<string>();
  for (const item of input.values) {
    const iy = years.get(yearKey(item.indicatorId, report.year));
    if (!iy) {
      errors.push({
        indicatorId: item.indicatorId,
        field: 'indicatorId',
        message: 'Indikator ini bukan bagian dari PK laporan ini.',
        code: 'VALIDATION_FAILED',
      });
      continue;
    }
    if (seen.has(item.indicatorId)) {
      errors.push({
        indicatorId: item.indicatorId,
        field: 'indicatorId',
        message: `${iy.name}: indikator dikirim lebih dari sekali.`,
        code: 'VALIDATION_FAILED',
      });
      continue;
    }
    seen.add(item.indicatorId);
    const old = iy.narratives[q - 1];
    const oldValue = iy.realisasi[q - 1] ?? null;
    let value: RealisasiValue | null = oldValue;
    if (item.value !== undefined) {
      const text = item.value?.trim() ?? '';
      if (text === '') value = null;
      else {
        try {
          value = parseRealisasiInput(text, iy.measure, {
            allowNegative: iy.allowNegative,
            ...(opts.style ? { style: opts.style } : {}),
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push({
            indicatorId: item.indicatorId,
            field: 'value',
            message: `${iy.name}: ${error.message}`,
            code: error.code,
          });
          continue;
        }
      }
    }
    const next: NewRow = {
      indicatorId: item.indicatorId,
      value,
      analysis: item.analysis?.trim() ?? old?.analysis ?? '',
      obstacles: item.obstacles?.trim() ?? old?.obstacles ?? '',
      followUp: item.followUp?.trim() ?? old?.followUp ?? '',
    };
    const same =
      sameValue(value, oldValue) &&
      next.analysis === (old?.analysis ?? '') &&
      next.obstacles === (old?.obstacles ?? '') &&
      next.followUp === (old?.followUp ?? '');
    if (same) continue;
    changedRows.push(next);
    if (!sameValue(value, oldValue) || !iy.hasRow[q - 1]) valueChanged.add(item.indicatorId);
  }

  // ---- Budgets ----
  const budgetChanges: { budgetId: string; amount: string | null }[] = [];
  if (input.budgets && input.budgets.length > 0) {
    const budgets = await queryRows<BudgetRowSql>(
      ctx.tx,
      sql`select b.id, b.amount::text as ceiling, b.sub_kegiatan_code as sub_code,
                 b.sub_kegiatan_name as sub_name, b.program_name,
                 (select br.amount::text from budget_realisasi br
                   where br.tenant_id = b.tenant_id and br.budget_id = b.id
                     and br.year = ${report.year} and br.quarter = ${q}) as current,
                 (select coalesce(sum(br.amount), 0)::text from budget_realisasi br
                   where br.tenant_id = b.tenant_id and br.budget_id = b.id
                     and br.year = ${report.year} and br.quarter <> ${q}) as others
            from agreement_budgets b
           where b.tenant_id = ${tenantId} and b.agreement_id = ${report.agreementId}`,
    );
    const byId = new Map(budgets.map((b) => [b.id, b]));
    const seenBudgets = new Set<string>();
    for (const item of input.budgets) {
      const budget = byId.get(item.budgetId);
      const fail = (field: SaveError['field'], message: string, code: ErrorCode) =>
        errors.push({ indicatorId: null, budgetId: item.budgetId, field, message, code });
      if (!budget) {
        fail('budgetId', 'Sub kegiatan ini bukan bagian dari PK laporan ini.', 'VALIDATION_FAILED');
        continue;
      }
      const label = [budget.sub_code, budget.sub_name ?? budget.program_name]
        .filter(Boolean)
        .join(' ');
      if (seenBudgets.has(item.budgetId)) {
        fail('budgetId', `${label}: sub kegiatan dikirim lebih dari sekali.`, 'VALIDATION_FAILED');
        continue;
      }
      seenBudgets.add(item.budgetId);
      const text = item.amount?.trim() ?? '';
      // Clearing removes the quarter's row: "not entered" is not Rp 0.
      let amount: string | null = null;
      if (text !== '') {
        const parsed = parseIndonesianNumber(text, opts.style ? { style: opts.style } : {});
        if (!parsed.ok) {
          fail(
            'amount',
            `${label}: realisasi anggaran harus berupa angka. ${parsed.message}`,
            'INVALID_NUMBER',
          );
          continue;
        }
        if (parsed.value.startsWith('-')) {
          fail(
            'amount',
            `${label}: realisasi anggaran tidak boleh negatif.`,
            'NEGATIVE_NOT_ALLOWED',
          );
          continue;
        }
        if (!TWO_DECIMALS.test(parsed.value)) {
          fail('amount', `${label}: Rupiah paling banyak 2 angka desimal.`, 'INVALID_NUMBER');
          continue;
        }
        amount = parsed.value;
      }
      if (budget.current === null && text === '') continue;
      if (amount === null) {
        budgetChanges.push({ budgetId: item.budgetId, amount: null });
        continue;
      }
      if (budget.current !== null && new Decimal(budget.current).equals(amount)) continue;
      const room = new Decimal(budget.ceiling).minus(budget.others);
      if (new Decimal(amount).greaterThan(room)) {
        fail(
          'amount',
          `${label}: realisasi anggaran melebihi pagu. Pagu Rp ${formatIndonesianNumber(moneyText(budget.ceiling), 2)}, sudah terealisasi pada triwulan lain Rp ${formatIndonesianNumber(moneyText(budget.others), 2)}; sisa pagu Rp ${formatIndonesianNumber(room.toFixed(2), 2)}.`,
          'BUDGET_OVER_CEILING',
        );
        continue;
      }
      budgetChanges.push({ budgetId: item.budgetId, amount: moneyText(amount) });
    }
  }

  if (errors.length > 0) throw saveErrors(errors);
  if (changedRows.length === 0 && budgetChanges.length === 0) {
    return {
      reportId: report.id,
      version: report.version,
      changed: false,
      valuesSaved: 0,
      budgetsSaved: 0,
      loaded,
    };
  }
  assertVersion(report, input.version);

  // ---- Write: one upsert per table, one recompute pass, one version bump ----
  const userId = actorUserId(ctx);
  if (changedRows.length > 0) {
    const tuples = sql.join(
      changedRows.map(
        (r) =>
          sql`(${tenantId}::uuid, ${r.indicatorId}::uuid, ${report.year}::int, ${q}::int, ${report.id}::uuid, ${report.agreementId}::uuid, ${r.value?.kind === 'number' ? r.value.value : null}::numeric, ${r.value?.kind === 'scale' ? r.value.code : null}::text, ${r.analysis}::text, ${r.obstacles}::text, ${r.followUp}::text, ${userId}::uuid)`,
      ),
      sql`, `,
    );
    await ctx.tx.execute(
      sql`insert into realisasi (tenant_id, indicator_id, year, quarter, report_id, agreement_id,
                                 value, code, analysis, obstacles, follow_up, updated_by)
          values ${tuples}
          on conflict (tenant_id, indicator_id, year, quarter) do update
             set value = excluded.value, code = excluded.code, analysis = excluded.analysis,
                 obstacles = excluded.obstacles, follow_up = excluded.follow_up,
                 updated_by = excluded.updated_by, updated_at = now(),
                 version = realisasi.version + 1`,
    );
    const affected: IndicatorYear[] = [];
    for (const row of changedRows) {
      const iy = years.get(yearKey(row.indicatorId, report.year)) as IndicatorYear;
      iy.realisasi[q - 1] = row.value;
      iy.hasRow[q - 1] = true;
      if (valueChanged.has(row.indicatorId)) affected.push(iy);
    }
    await recomputeIndicatorYears(
      ctx.tx,
      tenantId,
      affected,
      rulesFromSettings(loaded.settings.monitoring),
    );
  }
  const upserts = budgetChanges.filter(
    (b): b is { budgetId: string; amount: string } => b.amount !== null,
  );
  const cleared = budgetChanges.filter((b) => b.amount === null).map((b) => b.budgetId);
  if (upserts.length > 0) {
    const tuples = sql.join(
      upserts.map(
        (b) =>
          sql`(${tenantId}::uuid, ${b.budgetId}::uuid, ${report.year}::int, ${q}::int, ${report.id}::uuid, ${report.agreementId}::uuid, ${b.amount}::numeric, ${userId}::uuid)`,
      ),
      sql`, `,
    );
    await ctx.tx.execute(
      sql`insert into budget_realisasi (tenant_id, budget_id, year, quarter, report_id,
                                        agreement_id, amount, updated_by)
          values ${tuples}
          on conflict (tenant_id, budget_id, year, quarter) do update
             set amount = excluded.amount, updated_by = excluded.updated_by, updated_at = now()`,
    );
  }
  if (cleared.length > 0) {
    await ctx.tx.execute(
      sql`delete from budget_realisasi
           where tenant_id = ${tenantId} and year = ${report.year} and quarter = ${q}
             and budget_id in (${sql.join(
               cleared.map((id) => sql`${id}::uuid`),
               sql`, `,
             )})`,
    );
  }
  const [bumped] = await queryRows<{ version: number }>(
    ctx.tx,
    sql`update quarter_reports set version = version + 1, updated_at = now()
         where tenant_id = ${tenantId} and id = ${report.id} returning version`,
  );
  const version = bumped?.version ?? report.version + 1;
  if (opts.audit !== false) {
    await ctx.audit({
      action: 'quarter_report.save',
      entityType: 'quarter_report',
      entityId: report.id,
      data: {
        agreementId: report.agreementId,
        year: report.year,
        quarter: q,
        values: changedRows.map((r) => ({
          indicatorId: r.indicatorId,
          value: r.value === null ? null : r.value.kind === 'number' ? r.value.value : r.value.code,
        })),
        budgets: budgetChanges,
      },
    });
  }
  return {
    reportId: report.id,
    version,
    changed: true,
    valuesSaved: changedRows.length,
    budgetsSaved: budgetChanges.length,
    loaded: { ...loaded, report: { ...report, version } },
  };
}

/** Values change only while the report is draft or returned (the database refuses too: AM032). */
export function assertReportEditable(loaded: Pick<LoadedReport, 'report'>): void {
  const status = loaded.report.status;
  if (status === 'draft' || status === 'returned') return;
  const label =
    status === 'submitted' ? 'diajukan' : status === 'approved' ? 'disetujui' : 'diverifikasi';
  throw new AppError(
    'NOT_EDITABLE',
    `Laporan triwulan ini sudah ${label}. Nilai hanya dapat diubah saat berstatus draf atau dikembalikan${status === 'submitted' ? ' (tarik kembali pengajuannya terlebih dahulu)' : ''}.`,
    { status },
  );
}

function saveErrors(errors: SaveError[]): AppError {
  const codes = new Set(errors.map((e) => e.code));
  const code: ErrorCode = codes.size === 1 ? (errors[0] as SaveError).code : 'VALIDATION_FAILED';
  const message =
    errors.length === 1
      ? (errors[0] as SaveError).message
      : `${errors.length} isian belum benar: ${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join(' ')}${errors.length > 3 ? ' …' : ''}`;
  return new AppError(code, message, { errors });
}
