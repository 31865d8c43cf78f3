import { Decimal } from 'decimal.js';
import type { PlanNodeKind, QualityRule } from '../../shared/codes.js';
import { formatIndonesianNumber } from '../../shared/indonesian-number.js';
import {
  DECIMAL_PATTERN,
  normalizeScaleCode,
  type TargetValue,
} from '../../shared/target-value.js';
import { findInputPhrase } from './input-oriented.js';
import { findNearDuplicate } from './near-duplicate.js';
import { describeTarget, targetKindFor, targetKindLabels } from './quarter-plan.js';
import type {
  QualityContext,
  QualityFinding,
  QualityIndicatorInput,
  QualityObjectiveInput,
} from './types.js';

/** Precise enough for every sum and midpoint of 18 + 6 digit values. */
const Exact = Decimal.clone({ precision: 64 });

const nodeLabels: Record<PlanNodeKind, string> = {
  misi: 'Misi',
  tujuan: 'Tujuan',
  sasaran: 'Sasaran',
  program: 'Program',
  kegiatan: 'Kegiatan',
  sub_kegiatan: 'Sub kegiatan',
};

const hints = {
  NO_UNIT: 'Isi satuan pengukuran, mis. %, orang, dokumen, indeks, atau hari.',
  TARGET_NOT_NUMBER:
    'Isi target dalam bentuk yang sesuai cara perhitungannya: angka (mis. 1.234,5), rentang (batas bawah ≤ batas atas), atau kode skala.',
  POLARITY_POSITIVE:
    'Untuk indikator positif (makin tinggi makin baik) target tiap tahun tetap atau naik. Periksa targetnya, atau ubah polaritas menjadi negatif jika makin kecil makin baik.',
  POLARITY_NEGATIVE:
    'Untuk indikator negatif (makin rendah makin baik) target tiap tahun tetap atau turun. Periksa targetnya, atau ubah polaritas menjadi positif jika makin besar makin baik.',
  END_TARGET:
    'Samakan target tahun terakhir dengan target akhir periode, atau sesuaikan target akhir periode dengan jalur target tahunan.',
  INPUT_ORIENTED:
    'Gunakan indikator hasil (outcome), mis. ‘Angka kematian ibu’ atau ‘Indeks kepuasan masyarakat’; indikator keluaran cocok untuk PK eselon IV.',
  DUPLICATE_INDICATOR:
    'Hapus salah satu, atau bedakan keduanya dengan jelas (apa yang diukur, satuan, cakupan).',
  IKU_CHANGED:
    'IKU harus tetap selama periode Renstra/RPJMD. Kembalikan status IKU semula, atau ubah hanya melalui perubahan Renstra/RPJMD yang sah.',
  SASARAN_WITHOUT_INDICATOR:
    'Tambahkan minimal satu indikator kinerja yang mengukur ketercapaian sasaran ini.',
} as const;

function quoted(name: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? 'tanpa nama' : `"${trimmed}"`;
}

/** Whether lower values are better: negative polarity, or an inverse calculation method. */
function lowerIsBetter(indicator: QualityIndicatorInput): boolean {
  return (
    indicator.polarity === 'negative' ||
    indicator.method === 'inverse_difference' ||
    indicator.method === 'inverse_ratio'
  );
}

/** What is wrong with a target's form for the method, or null when it fits. */
function targetFormProblem(target: TargetValue, indicator: QualityIndicatorInput): string | null {
  const expected = targetKindFor(indicator.method);
  if (target.kind !== expected)
    return `harus berupa ${targetKindLabels[expected]}, bukan ${targetKindLabels[target.kind]}`;
  if (target.kind === 'number' && !DECIMAL_PATTERN.test(target.value))
    return 'bukan angka yang valid';
  if (target.kind === 'range') {
    if (!DECIMAL_PATTERN.test(target.low) || !DECIMAL_PATTERN.test(target.high))
      return 'berisi batas rentang yang bukan angka';
    if (new Exact(target.low).greaterThan(target.high))
      return `memiliki batas bawah (${formatIndonesianNumber(target.low)}) lebih besar dari batas atas (${formatIndonesianNumber(target.high)})`;
  }
  if (target.kind === 'scale' && target.code.trim() === '') return 'belum berisi kode skala';
  return null;
}

/** A comparable value: the number, or a range's midpoint; null for scale codes and bad forms. */
function comparable(target: TargetValue | null, indicator: QualityIndicatorInput): Decimal | null {
  if (target === null || targetFormProblem(target, indicator) !== null) return null;
  if (target.kind === 'number') return new Exact(target.value);
  if (target.kind === 'range') return new Exact(target.low).plus(target.high).dividedBy(2);
  return null;
}

function inputOrientedScope(context: QualityContext): string | null {
  const { scope } = context;
  if (scope.kind === 'agreement') {
    if (scope.level === 'pemda') return 'PK Pemda';
    if (scope.level === 'kepala_pd') return 'PK Kepala Perangkat Daerah';
    return null;
  }
  if (scope.isRpjmd) return `${nodeLabels[scope.nodeKind].toLowerCase()} RPJMD`;
  if (scope.nodeKind === 'tujuan' || scope.nodeKind === 'sasaran')
    return `${nodeLabels[scope.nodeKind].toLowerCase()} Renstra`;
  return null;
}

function subjectLabel(context: QualityContext): string {
  return context.scope.kind === 'plan' ? nodeLabels[context.scope.nodeKind] : 'Sasaran';
}

/**
 * The SMART rules over sasaran and their indicators (issue 3 § 3). Pure: the same input gives the
 * same findings in the same order (objective by objective, indicator by indicator), so the web
 * can show them inline and the server can refuse a submit with exactly what the drafter saw.
 */
export function checkQuality(
  objectives: readonly QualityObjectiveInput[],
  context: QualityContext,
): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const add = (
    rule: QualityRule,
    subjectKey: string,
    message: string,
    hint: string,
    field?: string,
  ) => {
    findings.push({
      rule,
      severity: context.severity[rule],
      subjectKey,
      ...(field === undefined ? {} : { field }),
      message,
      hint,
    });
  };

  const inputScope = inputOrientedScope(context);
  const seen: { key: string; name: string }[] = [];
  // A misi is described by its tujuan and sasaran; it carries no indicators of its own.
  const needsIndicators = !(context.scope.kind === 'plan' && context.scope.nodeKind === 'misi');

  for (const objective of objectives) {
    if (needsIndicators && objective.indicators.length === 0)
      add(
        'SASARAN_WITHOUT_INDICATOR',
        objective.key,
        `${subjectLabel(context)} ${quoted(objective.title)} belum memiliki indikator kinerja.`,
        hints.SASARAN_WITHOUT_INDICATOR,
      );

    for (const indicator of objective.indicators) {
      const name = quoted(indicator.name);
      const add4 = (rule: QualityRule, message: string, hint: string, field?: string) =>
        add(rule, indicator.key, message, hint, field);

      if (indicator.method !== 'scale' && indicator.satuan.trim() === '')
        add4('NO_UNIT', `Indikator ${name} belum memiliki satuan.`, hints.NO_UNIT, 'satuan');

      checkTargets(indicator, name, add4);
      checkPolarity(indicator, name, add4);
      checkEndTarget(indicator, name, add4);

      if (inputScope !== null) {
        const phrase = findInputPhrase(indicator.name);
        if (phrase !== null)
          add4(
            'INPUT_ORIENTED',
            `Indikator ${name} mengukur masukan atau kegiatan (“${phrase}”), bukan hasil, padahal dipakai pada tingkat ${inputScope}.`,
            hints.INPUT_ORIENTED,
            'name',
          );
      }

      const earlier = findNearDuplicate(indicator, seen);
      if (earlier !== null)
        add4(
          'DUPLICATE_INDICATOR',
          `Indikator ${name} sama atau hampir sama dengan indikator ${quoted(earlier.name)} yang sudah ada.`,
          hints.DUPLICATE_INDICATOR,
          'name',
        );
      seen.push({ key: indicator.key, name: indicator.name });

      if (indicator.ikuChangedAt !== null)
        add4(
          'IKU_CHANGED',
          indicator.isIku
            ? `Indikator ${name} ditetapkan sebagai IKU saat periode perencanaan sedang berjalan.`
            : `Indikator ${name} dikeluarkan dari IKU saat periode perencanaan sedang berjalan.`,
          hints.IKU_CHANGED,
          'isIku',
        );
    }
  }
  return findings;
}

type AddFinding = (rule: QualityRule, message: string, hint: string, field?: string) => void;

function checkTargets(indicator: QualityIndicatorInput, name: string, add: AddFinding): void {
  for (const { year, target } of indicator.targets) {
    const field = `targets.${year}`;
    if (target === null) {
      add(
        'TARGET_NOT_NUMBER',
        `Target tahun ${year} indikator ${name} belum diisi.`,
        hints.TARGET_NOT_NUMBER,
        field,
      );
      continue;
    }
    const problem = targetFormProblem(target, indicator);
    if (problem !== null)
      add(
        'TARGET_NOT_NUMBER',
        `Target tahun ${year} indikator ${name} ${problem}.`,
        hints.TARGET_NOT_NUMBER,
        field,
      );
  }
  if (indicator.endTarget !== null) {
    const problem = targetFormProblem(indicator.endTarget, indicator);
    if (problem !== null)
      add(
        'TARGET_NOT_NUMBER',
        `Target akhir periode indikator ${name} ${problem}.`,
        hints.TARGET_NOT_NUMBER,
        'endTarget',
      );
  }
}

/** Consecutive yearly targets moving against the polarity (equal is fine). */
function checkPolarity(indicator: QualityIndicatorInput, name: string, add: AddFinding): void {
  const negative = lowerIsBetter(indicator);
  let previous: { year: number; value: Decimal; target: TargetValue } | null = null;
  for (const { year, target } of [...indicator.targets].sort((a, b) => a.year - b.year)) {
    const value = comparable(target, indicator);
    if (value === null || target === null) continue;
    if (previous !== null) {
      const wrong = negative ? value.greaterThan(previous.value) : value.lessThan(previous.value);
      if (wrong)
        add(
          'POLARITY_CONTRADICTION',
          `Target ${year} indikator ${name} (${describeTarget(target)}) ${negative ? 'lebih tinggi' : 'lebih rendah'} dari target ${previous.year} (${describeTarget(previous.target)}), padahal ${negative ? 'makin rendah makin baik (polaritas negatif)' : 'makin tinggi makin baik (polaritas positif)'}.`,
          negative ? hints.POLARITY_NEGATIVE : hints.POLARITY_POSITIVE,
          `targets.${year}`,
        );
    }
    previous = { year, value, target };
  }
}

/**
 * The end-of-period target must be where the yearly path arrives: the last year reaches it in the
 * polarity's direction, and no year already goes past it (which would make it no end target).
 */
function checkEndTarget(indicator: QualityIndicatorInput, name: string, add: AddFinding): void {
  const end = indicator.endTarget;
  if (end === null || targetFormProblem(end, indicator) !== null) return;
  const path = [...indicator.targets]
    .sort((a, b) => a.year - b.year)
    .filter((t) => t.target !== null && targetFormProblem(t.target, indicator) === null);
  const last = path[path.length - 1];
  if (last?.target == null) return;
  const endText = describeTarget(end);

  if (end.kind === 'scale') {
    if (
      last.target.kind === 'scale' &&
      normalizeScaleCode(last.target.code) !== normalizeScaleCode(end.code)
    )
      add(
        'END_TARGET_NOT_REACHED',
        `Target tahun terakhir (${last.year}: ${describeTarget(last.target)}) indikator ${name} berbeda dengan target akhir periode (${endText}).`,
        hints.END_TARGET,
        'endTarget',
      );
    return;
  }

  const endValue = comparable(end, indicator);
  const lastValue = comparable(last.target, indicator);
  if (endValue === null || lastValue === null) return;
  const negative = lowerIsBetter(indicator);
  const notReached = negative ? lastValue.greaterThan(endValue) : lastValue.lessThan(endValue);
  if (notReached) {
    add(
      'END_TARGET_NOT_REACHED',
      `Target tahun terakhir (${last.year}: ${describeTarget(last.target)}) indikator ${name} belum mencapai target akhir periode (${endText}).`,
      hints.END_TARGET,
      'endTarget',
    );
    return;
  }
  // The extreme of the path in the good direction; the end target must not fall short of it.
  const beyond = path.find((t) => {
    const value = comparable(t.target, indicator);
    return value !== null && (negative ? value.lessThan(endValue) : value.greaterThan(endValue));
  });
  if (beyond?.target != null)
    add(
      'END_TARGET_NOT_REACHED',
      `Target akhir periode indikator ${name} (${endText}) ${negative ? 'lebih tinggi' : 'lebih rendah'} dari target tahun ${beyond.year} (${describeTarget(beyond.target)}); target akhir periode seharusnya titik akhir jalur target tahunan.`,
      hints.END_TARGET,
      'endTarget',
    );
}

/** Whether any finding blocks (severity error). */
export function hasBlockingFindings(findings: readonly QualityFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
