import { Decimal } from 'decimal.js';
import { and, eq, inArray } from 'drizzle-orm';
import type { Aggregation, CalcMethod, Polarity } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TargetValue } from '../../shared/target-value.js';
import {
  DECIMAL_PATTERN,
  normalizeDecimal,
  normalizeScaleCode,
} from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { indicators, planNodes, ratingScaleLevels, ratingScales } from '../planning/schema.js';
import { checkQuarterPlan } from '../quality/quarter-plan.js';
import type { AgreementRow } from './agreement-common.js';
import type { AgreementContentInput } from './agreement-schemas.js';
import { agreementIndicators, agreementObjectives } from './schema.js';

/** The content of a PK ready to be written: ids kept, decimals canonical, scale codes as stored. */
export interface ContentTargetYear {
  year: number;
  annual: TargetValue | null;
  /** Four entries or none. */
  quarters: (TargetValue | null)[];
}
export interface ContentIndicator {
  id?: string | undefined;
  sourceIndicatorId: string | null;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  isIku: boolean;
  scaleId: string | null;
  /** Copied from the plan indicator when pulled; undefined keeps what is stored (or false). */
  allowNegative?: boolean | undefined;
  targets: ContentTargetYear[];
}
export interface ContentObjective {
  id?: string | undefined;
  title: string;
  sourceNodeId: string | null;
  supportsObjectiveId: string | null;
  indicators: ContentIndicator[];
}
export interface ContentBudget {
  sourceNodeId: string | null;
  programCode: string;
  programName: string;
  kegiatanCode: string | null;
  kegiatanName: string | null;
  subKegiatanCode: string | null;
  subKegiatanName: string | null;
  /** Two decimals, "1500000.00". */
  amount: string;
}
export interface AgreementContent {
  objectives: ContentObjective[];
  budgets: ContentBudget[];
}

type ProblemCode =
  | 'INVALID_NUMBER'
  | 'INVALID_TARGET'
  | 'QUARTER_PLAN_INVALID'
  | 'VALIDATION_FAILED';
export interface FieldProblem {
  path: string;
  message: string;
  code: ProblemCode;
}

const problemMessages: Record<ProblemCode, string> = {
  INVALID_NUMBER: 'Ada isian angka yang tidak valid. Periksa kolom yang ditandai.',
  INVALID_TARGET: 'Ada target yang tidak sesuai dengan metode perhitungan indikatornya.',
  QUARTER_PLAN_INVALID:
    'Target triwulan tidak sesuai dengan target tahunan menurut cara agregasinya.',
  VALIDATION_FAILED: 'Isi PK belum lengkap atau tidak valid. Periksa kolom yang ditandai.',
};

/** One refusal naming every wrong field; the code is the first problem's. */
export function throwProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (!first) return;
  throw new AppError(first.code, problemMessages[first.code], {
    fields: problems.map(({ path, message, code }) => ({ path, message, code })),
  });
}

/** Polarity each method implies (REGULATIONS.md "Measuring"). */
export const methodPolarity: Record<CalcMethod, Polarity> = {
  ratio: 'positive',
  range: 'positive',
  scale: 'positive',
  inverse_difference: 'negative',
  inverse_ratio: 'negative',
};

const MONEY_PATTERN = /^\d{1,18}(\.\d{1,2})?$/;

function checkDecimal(text: string, path: string, problems: FieldProblem[]): string | null {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) {
    problems.push({
      path,
      code: 'INVALID_NUMBER',
      message: `"${text}" bukan angka. Tulis angka saja dengan titik sebagai pemisah desimal, misalnya 85.5.`,
    });
    return null;
  }
  return normalizeDecimal(trimmed);
}

/** A target against the indicator's method (and scale); null when refused. */
function checkTarget(
  target: TargetValue,
  method: CalcMethod,
  scaleCodes: Map<string, string> | null,
  path: string,
  problems: FieldProblem[],
): TargetValue | null {
  const expected = method === 'range' ? 'range' : method === 'scale' ? 'scale' : 'number';
  if (target.kind !== expected) {
    const what = {
      number: 'sebuah angka',
      range: 'rentang (batas bawah dan batas atas)',
      scale: 'kode skala (misalnya WTP)',
    }[expected];
    problems.push({
      path,
      code: 'INVALID_TARGET',
      message: `Target indikator ini harus berupa ${what} sesuai metode perhitungannya.`,
    });
    return null;
  }
  switch (target.kind) {
    case 'number': {
      const value = checkDecimal(target.value, `${path}.value`, problems);
      return value === null ? null : { kind: 'number', value };
    }
    case 'range': {
      const low = checkDecimal(target.low, `${path}.low`, problems);
      const high = checkDecimal(target.high, `${path}.high`, problems);
      if (low === null || high === null) return null;
      if (new Decimal(low).greaterThan(high)) {
        problems.push({
          path,
          code: 'INVALID_TARGET',
          message: `Batas bawah (${low}) lebih besar dari batas atas (${high}).`,
        });
        return null;
      }
      return { kind: 'range', low, high };
    }
    case 'scale': {
      const code = scaleCodes?.get(normalizeScaleCode(target.code));
      if (!code) {
        const known = scaleCodes ? [...scaleCodes.values()].join(', ') : '';
        problems.push({
          path,
          code: 'INVALID_TARGET',
          message: `Kode "${target.code}" tidak ada pada skala indikator ini${known ? ` (pilihan: ${known})` : ''}.`,
        });
        return null;
      }
      return { kind: 'scale', code };
    }
  }
}

/**
 * Checks a PK's content as sent by the editor and returns it normalised: every referenced id
 * exists in the tenant (404 otherwise, like any other foreign id), kept objectives/indicators
 * belong to this PK, targets fit their method, ranges are ordered, quarterly plans add up,
 * years lie within the PK, sasaran support only the parent PK's sasaran, money is exact.
 */
export async function validateContent(
  ctx: TenantContext,
  agreement: AgreementRow,
  input: Omit<AgreementContentInput, 'version'>,
): Promise<AgreementContent> {
  const problems: FieldProblem[] = [];
  const tenant = ctx.tenantId;

  // Ids the content refers to.
  const objectiveIds = input.objectives.flatMap((o) => (o.id ? [o.id] : []));
  const indicatorIds = input.objectives.flatMap((o) =>
    o.indicators.flatMap((i) => (i.id ? [i.id] : [])),
  );
  const nodeIds = [
    ...input.objectives.flatMap((o) => (o.sourceNodeId ? [o.sourceNodeId] : [])),
    ...input.budgets.flatMap((b) => (b.sourceNodeId ? [b.sourceNodeId] : [])),
  ];
  const sourceIndicatorIds = input.objectives.flatMap((o) =>
    o.indicators.flatMap((i) => (i.sourceIndicatorId ? [i.sourceIndicatorId] : [])),
  );
  const supportIds = input.objectives.flatMap((o) =>
    o.supportsObjectiveId ? [o.supportsObjectiveId] : [],
  );
  const scaleIds = input.objectives.flatMap((o) =>
    o.indicators.flatMap((i) => (i.scaleId ? [i.scaleId] : [])),
  );

  if (new Set(objectiveIds).size !== objectiveIds.length) {
    problems.push({ path: 'objectives', code: 'VALIDATION_FAILED', message: 'id sasaran ganda' });
  }
  if (new Set(indicatorIds).size !== indicatorIds.length) {
    problems.push({ path: 'objectives', code: 'VALIDATION_FAILED', message: 'id indikator ganda' });
  }

  if (objectiveIds.length) {
    const found = await ctx.tx
      .select({ id: agreementObjectives.id })
      .from(agreementObjectives)
      .where(
        and(
          eq(agreementObjectives.tenantId, tenant),
          eq(agreementObjectives.agreementId, agreement.id),
          inArray(agreementObjectives.id, objectiveIds),
        ),
      );
    if (found.length !== new Set(objectiveIds).size) throw notFound('Sasaran PK');
  }
  if (indicatorIds.length) {
    const found = await ctx.tx
      .select({ id: agreementIndicators.id })
      .from(agreementIndicators)
      .where(
        and(
          eq(agreementIndicators.tenantId, tenant),
          eq(agreementIndicators.agreementId, agreement.id),
          inArray(agreementIndicators.id, indicatorIds),
        ),
      );
    if (found.length !== new Set(indicatorIds).size) throw notFound('Indikator PK');
  }
  if (nodeIds.length) {
    const unique = [...new Set(nodeIds)];
    const found = await ctx.tx
      .select({ id: planNodes.id })
      .from(planNodes)
      .where(and(eq(planNodes.tenantId, tenant), inArray(planNodes.id, unique)));
    if (found.length !== unique.length) throw notFound('Unsur rencana (Renstra/RPJMD)');
  }
  if (sourceIndicatorIds.length) {
    const unique = [...new Set(sourceIndicatorIds)];
    const found = await ctx.tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.tenantId, tenant), inArray(indicators.id, unique)));
    if (found.length !== unique.length) throw notFound('Indikator rencana');
  }
  const supportAgreement = new Map<string, string>();
  if (supportIds.length) {
    const unique = [...new Set(supportIds)];
    const found = await ctx.tx
      .select({ id: agreementObjectives.id, agreementId: agreementObjectives.agreementId })
      .from(agreementObjectives)
      .where(
        and(eq(agreementObjectives.tenantId, tenant), inArray(agreementObjectives.id, unique)),
      );
    if (found.length !== unique.length) throw notFound('Sasaran PK atasan');
    for (const f of found) supportAgreement.set(f.id, f.agreementId);
  }
  const scaleCodes = new Map<string, Map<string, string>>();
  if (scaleIds.length) {
    const unique = [...new Set(scaleIds)];
    const found = await ctx.tx
      .select({ id: ratingScales.id })
      .from(ratingScales)
      .where(and(eq(ratingScales.tenantId, tenant), inArray(ratingScales.id, unique)));
    if (found.length !== unique.length) throw notFound('Skala penilaian');
    const levels = await ctx.tx
      .select({ scaleId: ratingScaleLevels.scaleId, code: ratingScaleLevels.code })
      .from(ratingScaleLevels)
      .where(
        and(eq(ratingScaleLevels.tenantId, tenant), inArray(ratingScaleLevels.scaleId, unique)),
      );
    for (const id of unique) scaleCodes.set(id, new Map());
    for (const l of levels) scaleCodes.get(l.scaleId)?.set(normalizeScaleCode(l.code), l.code);
  }

  const objectives: ContentObjective[] = input.objectives.map((o, oi) => {
    const base = `objectives.${oi}`;
    if (o.supportsObjectiveId) {
      if (agreement.parentAgreementId === null) {
        problems.push({
          path: `${base}.supportsObjectiveId`,
          code: 'VALIDATION_FAILED',
          message:
            'PK ini belum terhubung ke PK atasan, jadi sasaran yang didukung tidak dapat dipilih.',
        });
      } else if (supportAgreement.get(o.supportsObjectiveId) !== agreement.parentAgreementId) {
        problems.push({
          path: `${base}.supportsObjectiveId`,
          code: 'VALIDATION_FAILED',
          message: 'Sasaran yang didukung harus sasaran dari PK atasan.',
        });
      }
    }
    const indicatorsOut = o.indicators.map((i, ii): ContentIndicator => {
      const ipath = `${base}.indicators.${ii}`;
      if (methodPolarity[i.method] !== i.polarity) {
        problems.push({
          path: `${ipath}.polarity`,
          code: 'VALIDATION_FAILED',
          message:
            i.polarity === 'negative'
              ? 'Indikator negatif memakai metode (2T−R)/T atau T/R.'
              : 'Indikator positif memakai metode rasio, rentang, atau skala.',
        });
      }
      const scaleId = i.method === 'scale' ? (i.scaleId ?? null) : null;
      if (i.method === 'scale' && !scaleId) {
        problems.push({
          path: `${ipath}.scaleId`,
          code: 'VALIDATION_FAILED',
          message: 'Pilih skala penilaian untuk indikator dengan metode skala.',
        });
      }
      const codes = scaleId ? (scaleCodes.get(scaleId) ?? null) : null;
      const seenYears = new Set<number>();
      const targets = i.targets.map((t): ContentTargetYear => {
        const tpath = `${ipath}.targets.${t.year}`;
        if (t.year < agreement.startYear || t.year > agreement.endYear) {
          problems.push({
            path: tpath,
            code: 'VALIDATION_FAILED',
            message: `Tahun ${t.year} di luar masa PK (${agreement.startYear}${agreement.endYear > agreement.startYear ? `–${agreement.endYear}` : ''}).`,
          });
        }
        if (seenYears.has(t.year)) {
          problems.push({ path: tpath, code: 'VALIDATION_FAILED', message: 'tahun ganda' });
        }
        seenYears.add(t.year);
        const annual = t.annual
          ? checkTarget(t.annual, i.method, codes, `${tpath}.annual`, problems)
          : null;
        const allNull = t.quarters.every((q) => q === null);
        if (t.quarters.length !== 0 && t.quarters.length !== 4) {
          problems.push({
            path: `${tpath}.quarters`,
            code: 'QUARTER_PLAN_INVALID',
            message: 'Target triwulan diisi untuk keempat triwulan (TW I–IV) atau dikosongkan.',
          });
          return { year: t.year, annual, quarters: [] };
        }
        if (allNull) return { year: t.year, annual, quarters: [] };
        const before = problems.length;
        const quarters = t.quarters.map((q, qi) =>
          q ? checkTarget(q, i.method, codes, `${tpath}.quarters.${qi}`, problems) : null,
        );
        if (problems.length === before) {
          for (const p of checkQuarterPlan({
            method: i.method,
            aggregation: i.aggregation,
            annual,
            quarters,
          })) {
            problems.push({
              path: `${tpath}.${p.field}`,
              code: 'QUARTER_PLAN_INVALID',
              message: p.message,
            });
          }
        }
        return { year: t.year, annual, quarters };
      });
      return {
        id: i.id,
        sourceIndicatorId: i.sourceIndicatorId ?? null,
        name: i.name,
        satuan: i.satuan,
        polarity: i.polarity,
        method: i.method,
        aggregation: i.aggregation,
        isIku: i.isIku,
        scaleId,
        targets,
      };
    });
    return {
      id: o.id,
      title: o.title,
      sourceNodeId: o.sourceNodeId ?? null,
      supportsObjectiveId: o.supportsObjectiveId ?? null,
      indicators: indicatorsOut,
    };
  });

  const budgets: ContentBudget[] = input.budgets.map((b, bi) => {
    const amountText = b.amount.trim();
    let amount = '0.00';
    if (!MONEY_PATTERN.test(amountText)) {
      problems.push({
        path: `budgets.${bi}.amount`,
        code: 'INVALID_NUMBER',
        message: `"${b.amount}" bukan jumlah rupiah yang valid. Tulis angka tanpa pemisah ribuan, paling banyak 2 desimal, misalnya 1500000.50.`,
      });
    } else {
      amount = new Decimal(amountText).toFixed(2);
    }
    return {
      sourceNodeId: b.sourceNodeId ?? null,
      programCode: b.programCode,
      programName: b.programName,
      kegiatanCode: b.kegiatanCode || null,
      kegiatanName: b.kegiatanName || null,
      subKegiatanCode: b.subKegiatanCode || null,
      subKegiatanName: b.subKegiatanName || null,
      amount,
    };
  });

  throwProblems(problems);
  return { objectives, budgets };
}
