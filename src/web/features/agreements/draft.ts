import { Decimal } from 'decimal.js';
import type { Aggregation, CalcMethod, Polarity } from '../../../shared/codes.js';
import {
  formatIndonesianNumber,
  parseIndonesianNumber,
} from '../../../shared/indonesian-number.js';
import type { TargetValue } from '../../../shared/target-value.js';
import { ApiError } from '../../api/client.js';
import { agreementStrings as t } from './strings.js';
import type { AgreementDetail, ContentBody } from './types.js';

/**
 * The editor's working copy of a PK's content: what the person typed (Indonesian number text),
 * turned into the API body only on save. Field keys name the same places as the server's
 * `details.fields[].path` so its errors land next to the right input.
 *
 * Numbers are read with parseIndonesianNumber in the 'indonesian' style (as on the planning
 * pages): a dot always groups thousands ("1.000" is 1000) and a decimal needs the comma
 * ("1000.5" is refused with a message). So the text formatIndonesianNumber writes always reads
 * back to the same exact value, and the text alone is the draft (no hidden value beside it).
 */
export interface TargetDraft {
  /** The number, the lower bound of a range, or the scale code. */
  a: string;
  /** The upper bound of a range. */
  b: string;
}

export interface TargetYearDraft {
  year: number;
  annual: TargetDraft;
  quarters: [TargetDraft, TargetDraft, TargetDraft, TargetDraft];
}

export interface IndicatorDraft {
  key: string;
  id?: string;
  sourceIndicatorId: string | null;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  isIku: boolean;
  scaleId: string | null;
  targets: TargetYearDraft[];
}

export interface ObjectiveDraft {
  key: string;
  id?: string;
  title: string;
  sourceNodeId: string | null;
  supportsObjectiveId: string | null;
  indicators: IndicatorDraft[];
}

export interface BudgetDraft {
  key: string;
  sourceNodeId: string | null;
  programCode: string;
  programName: string;
  kegiatanCode: string;
  kegiatanName: string;
  subKegiatanCode: string;
  subKegiatanName: string;
  /** Rupiah as typed ("1.500.000" or "1.500.000,50"). */
  amount: string;
}

export interface ContentDraft {
  objectives: ObjectiveDraft[];
  budgets: BudgetDraft[];
}

/** Field path → message. */
export type FieldErrors = Record<string, string>;

let counter = 0;
export const newKey = (): string => `baru-${++counter}`;

const emptyTarget = (): TargetDraft => ({ a: '', b: '' });

function targetText(value: TargetValue | null | undefined): TargetDraft {
  if (!value) return emptyTarget();
  switch (value.kind) {
    case 'number':
      return shown(value.value);
    case 'range':
      return { a: formatIndonesianNumber(value.low), b: formatIndonesianNumber(value.high) };
    case 'scale':
      return { a: value.code, b: '' };
  }
}

/** A number as the app shows it ("1234.5" → "1.234,5"). */
export function shown(value: string): TargetDraft {
  return { a: formatIndonesianNumber(value), b: '' };
}

/** Rupiah as the editor shows it: "1500000.00" → "1.500.000", "1500000.50" → "1.500.000,50". */
export function amountText(amount: string): string {
  return formatIndonesianNumber(amount.replace(/\.00$/, ''));
}

export function years(detail: { startYear: number; endYear: number }): number[] {
  const list: number[] = [];
  for (let y = detail.startYear; y <= detail.endYear; y++) list.push(y);
  return list;
}

export function emptyTargets(yearList: number[]): TargetYearDraft[] {
  return yearList.map((year) => ({
    year,
    annual: emptyTarget(),
    quarters: [emptyTarget(), emptyTarget(), emptyTarget(), emptyTarget()],
  }));
}

export function newIndicator(yearList: number[]): IndicatorDraft {
  return {
    key: newKey(),
    sourceIndicatorId: null,
    name: '',
    satuan: '',
    polarity: 'positive',
    method: 'ratio',
    aggregation: 'cumulative',
    isIku: false,
    scaleId: null,
    targets: emptyTargets(yearList),
  };
}

export function newObjective(yearList: number[]): ObjectiveDraft {
  return {
    key: newKey(),
    title: '',
    sourceNodeId: null,
    supportsObjectiveId: null,
    indicators: [newIndicator(yearList)],
  };
}

export function newBudget(): BudgetDraft {
  return {
    key: newKey(),
    sourceNodeId: null,
    programCode: '',
    programName: '',
    kegiatanCode: '',
    kegiatanName: '',
    subKegiatanCode: '',
    subKegiatanName: '',
    amount: '',
  };
}

export function draftFromDetail(detail: AgreementDetail): ContentDraft {
  const yearList = years(detail);
  return {
    objectives: detail.objectives.map((o) => ({
      key: o.id,
      id: o.id,
      title: o.title,
      sourceNodeId: o.sourceNodeId,
      supportsObjectiveId: o.supportsObjectiveId,
      indicators: o.indicators.map((i) => ({
        key: i.id,
        id: i.id,
        sourceIndicatorId: i.sourceIndicatorId,
        name: i.name,
        satuan: i.satuan,
        polarity: i.polarity,
        method: i.method,
        aggregation: i.aggregation,
        isIku: i.isIku,
        scaleId: i.scaleId,
        targets: yearList.map((year) => {
          const found = i.targets.find((tg) => tg.year === year);
          const q = found?.quarters ?? [];
          return {
            year,
            annual: targetText(found?.annual),
            quarters: [targetText(q[0]), targetText(q[1]), targetText(q[2]), targetText(q[3])],
          };
        }),
      })),
    })),
    budgets: detail.budgets.map((b) => ({
      key: b.id,
      sourceNodeId: b.sourceNodeId,
      programCode: b.programCode,
      programName: b.programName,
      kegiatanCode: b.kegiatanCode ?? '',
      kegiatanName: b.kegiatanName ?? '',
      subKegiatanCode: b.subKegiatanCode ?? '',
      subKegiatanName: b.subKegiatanName ?? '',
      amount: amountText(b.amount),
    })),
  };
}

/** One number as typed, Indonesian style ("1.234,5"); '' is "not set". */
export function readNumber(
  text: string,
): { ok: true; value: string | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = parseIndonesianNumber(text, { style: 'indonesian' });
  return parsed.ok ? { ok: true, value: parsed.value } : parsed;
}

/** A target as typed → the API value (null when empty), or the message for its field. */
export function readTarget(
  draft: TargetDraft,
  method: CalcMethod,
): { ok: true; value: TargetValue | null } | { ok: false; message: string } {
  if (method === 'scale') {
    const code = draft.a.trim();
    return { ok: true, value: code ? { kind: 'scale', code } : null };
  }
  if (method === 'range') {
    if (draft.a.trim() === '' && draft.b.trim() === '') return { ok: true, value: null };
    const low = readNumber(draft.a);
    const high = readNumber(draft.b);
    if (!low.ok) return low;
    if (!high.ok) return high;
    if (low.value === null || high.value === null) return { ok: false, message: t.missingNumber };
    if (new Decimal(low.value).greaterThan(high.value))
      return { ok: false, message: t.lowAboveHigh };
    return { ok: true, value: { kind: 'range', low: low.value, high: high.value } };
  }
  const number = readNumber(draft.a);
  if (!number.ok) return number;
  return {
    ok: true,
    value: number.value === null ? null : { kind: 'number', value: number.value },
  };
}

export const targetPath = (o: number, i: number, year: number, part: 'annual' | number) =>
  `objectives.${o}.indicators.${i}.targets.${year}.${part === 'annual' ? 'annual' : `quarters.${part}`}`;

/** The API body, or the messages of every field that cannot be read. */
export function draftToBody(
  draft: ContentDraft,
  version: number,
): { ok: true; body: ContentBody } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const objectives = draft.objectives.map((o, oi) => ({
    ...(o.id ? { id: o.id } : {}),
    title: o.title.trim(),
    sourceNodeId: o.sourceNodeId,
    supportsObjectiveId: o.supportsObjectiveId,
    indicators: o.indicators.map((ind, ii) => ({
      ...(ind.id ? { id: ind.id } : {}),
      sourceIndicatorId: ind.sourceIndicatorId,
      name: ind.name.trim(),
      satuan: ind.satuan.trim(),
      polarity: ind.polarity,
      method: ind.method,
      aggregation: ind.aggregation,
      isIku: ind.isIku,
      scaleId: ind.method === 'scale' ? ind.scaleId : null,
      targets: ind.targets.map((ty) => {
        const read = (d: TargetDraft, part: 'annual' | number): TargetValue | null => {
          const r = readTarget(d, ind.method);
          if (r.ok) return r.value;
          errors[targetPath(oi, ii, ty.year, part)] = r.message;
          return null;
        };
        const annual = read(ty.annual, 'annual');
        const quarters = ty.quarters.map((q, qi) => read(q, qi));
        return {
          year: ty.year,
          annual,
          quarters: quarters.every((q) => q === null) ? [] : quarters,
        };
      }),
    })),
  }));
  const budgets = draft.budgets.map((b, bi) => {
    const amount = readNumber(b.amount);
    let value = '0';
    if (!amount.ok) errors[`budgets.${bi}.amount`] = amount.message;
    else if (amount.value === null) errors[`budgets.${bi}.amount`] = t.missingNumber;
    else value = amount.value;
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    return {
      sourceNodeId: b.sourceNodeId,
      programCode: b.programCode.trim(),
      programName: b.programName.trim(),
      kegiatanCode: orNull(b.kegiatanCode),
      kegiatanName: orNull(b.kegiatanName),
      subKegiatanCode: orNull(b.subKegiatanCode),
      subKegiatanName: orNull(b.subKegiatanName),
      amount: value,
    };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { version, objectives, budgets } };
}

/**
 * The server's field problems as editor keys: `details.fields[{path}]` (targets named by year)
 * or zod `details.issues[{path: [...]}]` (targets by position, turned into years here).
 */
export function serverFieldErrors(error: unknown, yearList: number[]): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const details = error.details as
    | {
        fields?: { path?: unknown; message?: unknown }[];
        issues?: { path?: unknown; message?: unknown }[];
      }
    | null
    | undefined;
  const out: FieldErrors = {};
  const entries = [...(details?.fields ?? []), ...(details?.issues ?? [])];
  for (const entry of entries) {
    const raw = Array.isArray(entry.path) ? entry.path.map(String).join('.') : entry.path;
    if (typeof raw !== 'string' || typeof entry.message !== 'string') continue;
    const parts = raw.split('.');
    const at = parts.indexOf('targets');
    const slot = at >= 0 ? parts[at + 1] : undefined;
    if (slot !== undefined && /^\d+$/.test(slot) && Number(slot) < 1000) {
      const year = yearList[Number(slot)];
      if (year !== undefined) parts[at + 1] = String(year);
    }
    // "…annual.value", "…quarters.2.low": the input is the target as a whole.
    while (
      parts.length > 0 &&
      ['value', 'low', 'high', 'code', 'kind'].includes(parts.at(-1) ?? '')
    )
      parts.pop();
    out[parts.join('.')] = entry.message;
  }
  return out;
}
