/**
 * The realisasi form as the person types it, and what is sent to the API. Pure (unit-tested).
 *
 * Numbers are read with parseIndonesianNumber in the 'indonesian' style, as on the PK pages: a dot
 * always groups thousands ("1.000" is 1000) and a decimal needs the comma, so what the field shows
 * (formatIndonesianNumber) always reads back to the same value. What is sent is an unambiguous
 * text ("1234,5": no thousands dots, a decimal comma) that the server's reader takes the same way.
 * Capaian is never computed here: the preview calls the engine (src/shared/capaian).
 */

import { Decimal } from 'decimal.js';
import {
  type IndicatorMeasure,
  parseRealisasiInput,
  type RealisasiValue,
} from '../../../shared/capaian/index.js';
import {
  formatIndonesianNumber,
  parseIndonesianNumber,
} from '../../../shared/indonesian-number.js';
import { normalizeDecimal, normalizeScaleCode } from '../../../shared/target-value.js';
import { ApiError } from '../../api/client.js';
import type { ReportBudget, ReportDetail, ReportIndicator, ValueError } from './types.js';

export type NarrativeField = 'analysis' | 'obstacles' | 'followUp';
export const narrativeFields: readonly NarrativeField[] = ['analysis', 'obstacles', 'followUp'];

export interface IndicatorDraft {
  value: string;
  analysis: string;
  obstacles: string;
  followUp: string;
}

export interface ReportDraft {
  indicators: Record<string, IndicatorDraft>;
  /** Budget id → amount of this quarter as typed ("1.500.000"). */
  budgets: Record<string, string>;
}

/** Field errors by key: `<indicatorId>.value`, `<indicatorId>.analysis`, `budget.<budgetId>`. */
export type FieldErrors = Record<string, string>;

export const valueKey = (indicatorId: string) => `${indicatorId}.value`;
export const narrativeKey = (indicatorId: string, field: NarrativeField) =>
  `${indicatorId}.${field}`;
export const budgetKey = (budgetId: string) => `budget.${budgetId}`;

export const messages = {
  negativeAmount: 'Realisasi anggaran tidak boleh negatif.',
  cents: 'Rupiah paling banyak dua angka di belakang koma.',
} as const;

/** How a stored realisasi is shown in its field: "1.234,5", or the scale code. */
export function valueText(value: RealisasiValue | null): string {
  if (value === null) return '';
  return value.kind === 'number' ? formatIndonesianNumber(value.value) : value.code;
}

export function amountText(amount: string | null): string {
  return amount === null ? '' : formatIndonesianNumber(normalizeDecimal(amount));
}

export function draftFromDetail(detail: ReportDetail): ReportDraft {
  const indicators: Record<string, IndicatorDraft> = {};
  for (const i of detail.indicators) {
    indicators[i.id] = {
      value: valueText(i.value),
      analysis: i.analysis,
      obstacles: i.obstacles,
      followUp: i.followUp,
    };
  }
  const budgets: Record<string, string> = {};
  for (const b of detail.budgets) budgets[b.id] = amountText(b.amount);
  return { indicators, budgets };
}

/** Canonical "1234.5" → "1234,5": read the same way by every reader (no dot left to guess). */
export function wireNumber(canonical: string): string {
  return canonical.replace('.', ',');
}

export type ReadValue =
  | { ok: true; value: RealisasiValue | null; wire: string | null }
  | { ok: false; message: string };

/** A realisasi as typed → the value (null when empty) and the text to send, or the message. */
export function readValue(
  text: string,
  indicator: Pick<ReportIndicator, 'method' | 'aggregation' | 'scale' | 'allowNegative'>,
): ReadValue {
  if (text.trim() === '') return { ok: true, value: null, wire: null };
  try {
    const value = parseRealisasiInput(text, measureOf(indicator), {
      allowNegative: indicator.allowNegative,
      style: 'indonesian',
    });
    return {
      ok: true,
      value,
      wire: value.kind === 'number' ? wireNumber(value.value) : value.code,
    };
  } catch (error) {
    if (error instanceof Error && error.message) return { ok: false, message: error.message };
    throw error;
  }
}

/** What the engine needs to know of an indicator. */
export function measureOf(
  indicator: Pick<ReportIndicator, 'method' | 'aggregation' | 'scale'>,
): IndicatorMeasure {
  return {
    method: indicator.method,
    aggregation: indicator.aggregation,
    ...(indicator.scale ? { scale: indicator.scale } : {}),
  };
}

export type ReadAmount = { ok: true; value: string | null } | { ok: false; message: string };

export function readAmount(text: string): ReadAmount {
  const trimmed = text.trim().replace(/^rp\.?\s*/i, '');
  if (trimmed === '') return { ok: true, value: null };
  const parsed = parseIndonesianNumber(trimmed, { style: 'indonesian' });
  if (!parsed.ok) return parsed;
  if (parsed.value.startsWith('-')) return { ok: false, message: messages.negativeAmount };
  const fraction = parsed.value.split('.')[1] ?? '';
  if (fraction.length > 2) return { ok: false, message: messages.cents };
  return { ok: true, value: parsed.value };
}

const sameValue = (a: RealisasiValue | null, b: RealisasiValue | null): boolean => {
  if (a === null || b === null) return a === b;
  if (a.kind === 'number' && b.kind === 'number') return a.value === b.value;
  if (a.kind === 'scale' && b.kind === 'scale')
    return normalizeScaleCode(a.code) === normalizeScaleCode(b.code);
  return false;
};

/** The value of a field as the server has it, or as typed when it cannot be read (→ changed). */
function indicatorChanged(
  draft: IndicatorDraft,
  indicator: ReportIndicator,
): { value: boolean; narrative: boolean } {
  const read = readValue(draft.value, indicator);
  const value = read.ok ? !sameValue(read.value, indicator.value) : true;
  const narrative =
    draft.analysis !== indicator.analysis ||
    draft.obstacles !== indicator.obstacles ||
    draft.followUp !== indicator.followUp;
  return { value, narrative };
}

function budgetChanged(text: string, budget: ReportBudget): boolean {
  const read = readAmount(text);
  if (!read.ok) return true;
  if (read.value === null || budget.amount === null) return read.value !== budget.amount;
  return normalizeMoney(read.value) !== normalizeMoney(budget.amount);
}

const normalizeMoney = (value: string): string => {
  const [integer = '0', fraction = ''] = value.split('.');
  const cents = fraction.replace(/0+$/, '');
  return cents ? `${integer}.${cents}` : integer;
};

/** True when the form differs from what the server has. */
export function isDirty(draft: ReportDraft, detail: ReportDetail): boolean {
  for (const i of detail.indicators) {
    const d = draft.indicators[i.id];
    if (!d) continue;
    const changed = indicatorChanged(d, i);
    if (changed.value || changed.narrative) return true;
  }
  for (const b of detail.budgets) {
    const text = draft.budgets[b.id];
    if (text !== undefined && budgetChanged(text, b)) return true;
  }
  return false;
}

export interface SaveBody {
  version: number;
  values: {
    indicatorId: string;
    value: string | null;
    analysis: string;
    obstacles: string;
    followUp: string;
  }[];
  budgets: { budgetId: string; amount: string | null }[];
}

export type BuiltSave = { ok: true; body: SaveBody } | { ok: false; errors: FieldErrors };

/**
 * The PUT body with only what changed (a row is sent whole: value and narrative), or the field
 * errors that must be fixed first. Nothing is sent for a form that did not change.
 */
export function buildSave(draft: ReportDraft, detail: ReportDetail, version: number): BuiltSave {
  const errors: FieldErrors = {};
  const values: SaveBody['values'] = [];
  for (const i of detail.indicators) {
    const d = draft.indicators[i.id];
    if (!d) continue;
    const read = readValue(d.value, i);
    if (!read.ok) {
      errors[valueKey(i.id)] = read.message;
      continue;
    }
    const changed = indicatorChanged(d, i);
    if (!changed.value && !changed.narrative) continue;
    values.push({
      indicatorId: i.id,
      value: read.wire,
      analysis: d.analysis,
      obstacles: d.obstacles,
      followUp: d.followUp,
    });
  }
  const budgets: SaveBody['budgets'] = [];
  for (const b of detail.budgets) {
    const text = draft.budgets[b.id];
    if (text === undefined) continue;
    const read = readAmount(text);
    if (!read.ok) {
      errors[budgetKey(b.id)] = read.message;
      continue;
    }
    if (budgetChanged(text, b)) budgets.push({ budgetId: b.id, amount: read.value });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { version, values, budgets } };
}

const narrativeAliases: Record<string, NarrativeField | 'value'> = {
  value: 'value',
  code: 'value',
  realisasi: 'value',
  analysis: 'analysis',
  obstacles: 'obstacles',
  followUp: 'followUp',
  follow_up: 'followUp',
};

/**
 * The server's per-field errors (400 with details.errors, 422 EXPLANATION_REQUIRED listing the
 * indicators) as field errors of this form. Empty when the error names no field.
 */
export function serverFieldErrors(
  error: unknown,
  detail: ReportDetail,
  draft?: ReportDraft,
): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const details = (error.details ?? {}) as {
    errors?: ValueError[];
    indicators?: unknown[];
    field?: string;
  };
  const out: FieldErrors = {};
  const indicatorIds = new Set(detail.indicators.map((i) => i.id));
  const budgetIds = new Set(detail.budgets.map((b) => b.id));
  for (const e of Array.isArray(details.errors) ? details.errors : []) {
    if (!e || typeof e.message !== 'string') continue;
    if (e.budgetId && budgetIds.has(e.budgetId)) {
      out[budgetKey(e.budgetId)] = e.message;
      continue;
    }
    if (e.indicatorId && indicatorIds.has(e.indicatorId)) {
      const field = narrativeAliases[e.field ?? 'value'] ?? 'value';
      out[field === 'value' ? valueKey(e.indicatorId) : narrativeKey(e.indicatorId, field)] =
        e.message;
    }
  }
  if (error.code === 'EXPLANATION_REQUIRED') {
    for (const item of Array.isArray(details.indicators) ? details.indicators : []) {
      const entry = (typeof item === 'string' ? { indicatorId: item } : item) as {
        indicatorId?: string;
        id?: string;
        missing?: string[];
      } | null;
      const id = entry?.indicatorId ?? entry?.id;
      if (!id || !indicatorIds.has(id)) continue;
      // Mark the fields the server names, else the ones still empty in the form, else all three.
      const named = Array.isArray(entry?.missing)
        ? entry.missing
            .map((m) => narrativeAliases[m])
            .filter((f): f is NarrativeField => !!f && f !== 'value')
        : [];
      const empty = draft?.indicators[id] ? missingNarrative(draft.indicators[id]) : [];
      const fields = named.length > 0 ? named : empty.length > 0 ? empty : narrativeFields;
      for (const field of fields) out[narrativeKey(id, field)] ??= explanationMessage;
    }
  }
  return out;
}

export const explanationMessage = 'Wajib diisi sebelum mengajukan.';

/** The narrative fields left empty where an explanation is required (to mark them). */
export function missingNarrative(draft: Pick<IndicatorDraft, NarrativeField>): NarrativeField[] {
  return narrativeFields.filter((f) => draft[f].trim() === '');
}

/**
 * Budget absorption (a rupiah ratio, not capaian): (earlier quarters + this one) ÷ pagu, two
 * decimals half-up, as the server computes it for the saved figures.
 */
export function absorptionOf(
  ceiling: string,
  previous: string,
  amount: string | null,
): string | null {
  const pagu = new Decimal(ceiling);
  if (pagu.isZero()) return null;
  const spent = new Decimal(previous).plus(amount ?? '0');
  return spent.div(pagu).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}
