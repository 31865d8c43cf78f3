/**
 * What the demo's quarterly monitoring says (issue 5), as pure functions: which year and
 * quarters the demo fills, the story it tells (strong, weak and late PD, a PD that spends
 * without delivering, a returned report, an unlock request), plausible realisasi around each
 * target, Indonesian narratives, and the budget absorbed per quarter.
 *
 * Deterministic: every draw is a hash of a stable key (the plan key of the indicator, the PD
 * name, the year and quarter), never Math.random or the clock. Figures are decimal strings
 * computed with decimal.js; capaian itself is never computed here (the engine does it, and the
 * seed stores what the engine says).
 */
import { Decimal } from 'decimal.js';
import type { RealisasiValue } from '../../shared/capaian/index.js';
import type { CapaianBand } from '../../shared/codes.js';
import { formatIndonesianNumber } from '../../shared/indonesian-number.js';
import { normalizeDecimal, type TargetValue } from '../../shared/target-value.js';
import {
  type Quarter,
  quarterDeadline,
  quarters,
} from '../agreements/revisions/quarter-deadlines.js';
import { DEMO_PK_YEAR } from './planning-demo.js';
import { type IndicatorDef, PERIOD } from './planning-demo-data.js';

// ---------------------------------------------------------------------------------------------
// Draws
// ---------------------------------------------------------------------------------------------

/** A number in [0, 1) from a key (cyrb53 hash): the same key always draws the same number. */
export function hashUnit(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return ((h2 >>> 0) * 2 ** 21 + (h1 >>> 11)) / 2 ** 53;
}

/** A whole number in [min, max] from a key. */
export function hashInt(key: string, min: number, max: number): number {
  return min + Math.floor(hashUnit(key) * (max - min + 1));
}

function pick<T>(key: string, list: readonly T[]): T {
  return list[hashInt(key, 0, list.length - 1)]!;
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

export interface DemoMonitoringCalendar {
  /** The open monitoring year Y (its PKs are this year's). */
  year: number;
  /** Y − 1: every quarter filled and verified. */
  previousYear: number;
  /** Quarters of Y whose deadline is before today: filled. */
  pastQuarters: Quarter[];
  /** The quarter of Y being worked on (begun, deadline not passed), or null. */
  openQuarter: Quarter | null;
  /** The last past quarter of Y (where the story's late, returned, unverified reports sit). */
  lastPastQuarter: Quarter | null;
}

const quarterStart = (year: number, q: Quarter) =>
  `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;

/**
 * The year and quarters the demo fills, from today in the Pemda's zone. Y is today's year, or
 * the year before while no quarter of today's year is past its deadline (before TW I's deadline
 * in April, the open year is still last year's TW IV). Y is then kept within 2026…2026: the
 * Renstra starts in 2025 (Y − 1 needs its targets) and 2027 is the PK year the planning demo
 * prepares for the January ceremony (drafts, never signed). On a clock past 2026, every quarter
 * of 2026 is past and there is no open quarter.
 */
export function demoMonitoringCalendar(today: string, workingDays = 10): DemoMonitoringCalendar {
  let year = Number(today.slice(0, 4));
  if (quarterDeadline(year, 1, workingDays) >= today) year -= 1;
  year = Math.min(Math.max(year, PERIOD.startYear + 1), DEMO_PK_YEAR - 1);
  const pastQuarters = quarters.filter((q) => quarterDeadline(year, q, workingDays) < today);
  const openQuarter =
    quarters.find((q) => !pastQuarters.includes(q) && quarterStart(year, q) <= today) ?? null;
  return {
    year,
    previousYear: year - 1,
    pastQuarters,
    openQuarter,
    lastPastQuarter: pastQuarters.at(-1) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// The story
// ---------------------------------------------------------------------------------------------

/** PD that deliver well (Dinas Kesehatan is the browser journey's PD). */
export const DEMO_STRONG_PDS = [
  'Dinas Kesehatan',
  'Badan Pendapatan Daerah',
  'Inspektorat Daerah',
  'Dinas Kependudukan dan Pencatatan Sipil',
] as const;
/** PD clearly behind their targets. */
export const DEMO_WEAK_PDS = ['Dinas Perikanan', 'Dinas Sosial', 'Kecamatan Bukit Damai'] as const;
/** The PD that spends its budget without the results: high absorption, low capaian. */
export const DEMO_SPENDER_PD = 'Dinas Pekerjaan Umum dan Penataan Ruang';
/** The PD whose head PK has no report for the last past quarter: late, escalated. */
export const DEMO_LATE_PD = 'Dinas Perikanan';
/**
 * The PD whose head PK's last past quarter was returned by the Inspektorat after the deadline;
 * its head asked the admin to unlock the quarter to fix it (pending).
 */
export const DEMO_RETURNED_PD = 'Dinas Pendidikan dan Kebudayaan';
/** Head PK reports of the last past quarter approved by the head, waiting for verification. */
export const DEMO_AWAITING_VERIFICATION = [
  'Dinas Lingkungan Hidup',
  'Dinas Perhubungan',
  'Kecamatan Contoh Utara',
] as const;
/** PD that started entering the open quarter (drafts, partly filled). */
export const DEMO_OPEN_QUARTER_DRAFTS = [
  'Badan Pendapatan Daerah',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Lingkungan Hidup',
  'Dinas Komunikasi dan Informatika',
  'Sekretariat Daerah',
] as const;

const has = (list: readonly string[], name: string | null) => name !== null && list.includes(name);

/**
 * The capaian level the demo aims at for an indicator in a quarter, in per mille of the target
 * (1000 = on target): the PD's profile, the indicator's own tendency, a little noise per quarter,
 * and now and then an indicator that fails or overshoots, so every band occurs.
 */
export function performancePermille(
  pdName: string | null,
  indicatorKey: string,
  year: number,
  quarter: Quarter,
): number {
  const pd = pdName ?? 'Pemda';
  let mean: number;
  if (pd === DEMO_SPENDER_PD) mean = 560 + hashInt(`mean/${pd}`, 0, 60);
  else if (has(DEMO_WEAK_PDS, pdName)) mean = 500 + hashInt(`mean/${pd}`, 0, 120);
  else if (has(DEMO_STRONG_PDS, pdName)) mean = 980 + hashInt(`mean/${pd}`, 0, 50);
  else mean = 800 + hashInt(`mean/${pd}`, 0, 180);
  const tendency = hashInt(`ind/${indicatorKey}`, -150, 150);
  const trend = year < DEMO_PK_YEAR - 1 ? -30 : 0;
  const noise = hashInt(`q/${indicatorKey}/${year}/${quarter}`, -60, 60);
  const outlier = hashUnit(`out/${indicatorKey}/${year}`);
  const shock = outlier < 0.07 ? -320 : outlier > 0.95 ? 220 : 0;
  return Math.min(1350, Math.max(200, mean + tendency + trend + noise + shock));
}

// ---------------------------------------------------------------------------------------------
// Realisasi
// ---------------------------------------------------------------------------------------------

const decimalsOf = (text: string) => {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
};

const isPercent = (satuan: string) => /persen|%/i.test(satuan);

function numberText(v: Decimal, dp: number, satuan: string): string {
  let value = v.lessThan(0) ? new Decimal(0) : v;
  if (isPercent(satuan) && value.greaterThan(100)) value = new Decimal(100);
  return normalizeDecimal(value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp));
}

export interface ScaleLevelDef {
  code: string;
  score: string;
}

/**
 * A plausible realisasi for a target at a capaian level (per mille): the inverse of the
 * indicator's formula, rounded like the target (counts stay whole), percentages kept within
 * 0–100. A range target is met inside the range at 970 ‰ and above; a scale target gets the code
 * whose score is nearest to the level.
 */
export function demoRealisasi(
  def: Pick<IndicatorDef, 'method' | 'aggregation' | 'satuan'>,
  target: TargetValue,
  permille: number,
  scale: readonly ScaleLevelDef[] = [],
): RealisasiValue {
  const c = new Decimal(permille).dividedBy(1000);
  if (target.kind === 'scale') {
    const wanted = scale.find((l) => l.code === target.code);
    if (!wanted || scale.length === 0) return { kind: 'scale', code: target.code };
    const goal = new Decimal(wanted.score).times(c);
    const best = [...scale]
      .filter((l) => new Decimal(l.score).lessThanOrEqualTo(wanted.score))
      .sort(
        (a, b) =>
          goal.minus(a.score).abs().comparedTo(goal.minus(b.score).abs()) ||
          new Decimal(b.score).comparedTo(a.score),
      )[0]!;
    return { kind: 'scale', code: best.code };
  }
  if (target.kind === 'range') {
    const low = new Decimal(target.low);
    const high = new Decimal(target.high);
    const dp = Math.max(decimalsOf(target.low), decimalsOf(target.high), 1);
    if (permille >= 970) {
      const inside = low.plus(
        high
          .minus(low)
          .times(permille % 100)
          .dividedBy(100),
      );
      return { kind: 'number', value: numberText(inside, dp, def.satuan) };
    }
    return { kind: 'number', value: numberText(low.times(c), dp, def.satuan) };
  }
  const t = new Decimal(target.value);
  const dp =
    def.aggregation === 'cumulative'
      ? decimalsOf(target.value)
      : Math.min(2, Math.max(decimalsOf(target.value), 1));
  if (t.isZero()) {
    // A zero target (none expected this quarter, or "zero cases"): met, or missed by one.
    return { kind: 'number', value: permille >= 900 ? '0' : def.method === 'ratio' ? '0' : '1' };
  }
  switch (def.method) {
    case 'inverse_difference':
      return {
        kind: 'number',
        value: numberText(t.times(new Decimal(2).minus(c)), dp, def.satuan),
      };
    case 'inverse_ratio':
      return { kind: 'number', value: numberText(t.dividedBy(c), dp, def.satuan) };
    default:
      return { kind: 'number', value: numberText(t.times(c), dp, def.satuan) };
  }
}

// ---------------------------------------------------------------------------------------------
// Narratives
// ---------------------------------------------------------------------------------------------

const OBSTACLES = [
  'Pencairan anggaran kegiatan terlambat sehingga pelaksanaan di lapangan baru dimulai pada akhir triwulan.',
  'Keterbatasan jumlah tenaga teknis di lapangan dibandingkan dengan cakupan wilayah layanan.',
  'Data dari kelurahan dan mitra belum lengkap dan masih dalam proses validasi.',
  'Proses pengadaan barang dan jasa mengalami gagal tender dan harus diulang.',
  'Cuaca ekstrem dan banjir di beberapa kelurahan menghambat pelaksanaan kegiatan lapangan.',
  'Sistem informasi pendukung mengalami gangguan sehingga pencatatan layanan tertunda.',
];

const FOLLOW_UPS = [
  'Mempercepat pelaksanaan kegiatan pada triwulan berikutnya dengan jadwal mingguan yang dipantau kepala bidang.',
  'Berkoordinasi dengan Bappeda dan BPKAD untuk percepatan pencairan anggaran dan penyesuaian jadwal.',
  'Menambah tenaga pendukung melalui penugasan lintas bidang dan kerja sama dengan kelurahan.',
  'Melakukan validasi data bersama kelurahan setiap bulan sebelum pelaporan.',
  'Menyusun ulang jadwal pengadaan dan menyiapkan dokumen tender lebih awal.',
  'Melaksanakan rapat evaluasi bulanan dan melaporkan kemajuan kepada kepala perangkat daerah.',
];

const MEDIUM_ANALYSIS = [
  'Capaian cukup baik namun beberapa kegiatan pendukung belum berjalan optimal.',
  'Sebagian besar kegiatan terlaksana, tetapi hasilnya belum sepenuhnya memenuhi target triwulan.',
];
const HIGH_ANALYSIS = [
  'Kegiatan pendukung terlaksana sesuai jadwal dan sasaran layanan tercapai.',
  'Koordinasi lintas bidang berjalan baik sehingga target triwulan terpenuhi.',
  'Pemanfaatan data layanan untuk perencanaan mingguan membantu tercapainya target.',
];
const LOW_ANALYSIS = [
  'Capaian berada di bawah harapan dan memerlukan perhatian pimpinan.',
  'Realisasi tertinggal dari target karena beberapa kegiatan utama belum terlaksana.',
];

export interface NarrativeInput {
  key: string;
  quarterLabel: string;
  satuan: string;
  realisasi: RealisasiValue;
  target: TargetValue | null;
  /** The engine's band of the capaian to date (null: not assessed). */
  band: CapaianBand | null;
  /** The engine's capaian to date as people read it ("107,14 %" or "-"). */
  capaianText: string;
}

const show = (v: RealisasiValue | TargetValue, satuan: string): string => {
  const unit = satuan && !/^(opini|predikat)$/.test(satuan) ? ` ${satuan}` : '';
  if (v.kind === 'scale') return v.code;
  if (v.kind === 'range')
    return `${formatIndonesianNumber(v.low)}–${formatIndonesianNumber(v.high)}${unit}`;
  return `${formatIndonesianNumber(v.value)}${unit}`;
};

/**
 * Analysis, obstacles and follow-up for a realisasi, in the tone its band calls for. Every demo
 * realisasi gets all three (the two lowest bands require them before submitting).
 */
export function demoNarrative(input: NarrativeInput): {
  analysis: string;
  obstacles: string;
  followUp: string;
} {
  const r = show(input.realisasi, input.satuan);
  const t = input.target ? show(input.target, input.satuan) : '-';
  const head = `Realisasi ${input.quarterLabel} sebesar ${r} terhadap target ${t} (capaian s.d. triwulan ini ${input.capaianText}).`;
  const k = input.key;
  if (input.band === null) {
    return {
      analysis: `${head} Capaian belum dapat dihitung terhadap target ini.`,
      obstacles: 'Target triwulan bernilai nol sehingga capaian tidak dapat dibandingkan.',
      followUp: 'Memantau perkembangan indikator dan melaporkannya pada triwulan berikutnya.',
    };
  }
  if (input.band === 'sangat_tinggi' || input.band === 'tinggi') {
    return {
      analysis: `${head} ${pick(`ha/${k}`, HIGH_ANALYSIS)}`,
      obstacles: 'Tidak ada kendala yang berarti.',
      followUp: 'Mempertahankan kinerja dan memperkuat pemantauan bulanan.',
    };
  }
  const pool = input.band === 'sedang' ? MEDIUM_ANALYSIS : LOW_ANALYSIS;
  return {
    analysis: `${head} ${pick(`la/${k}`, pool)}`,
    obstacles: pick(`ob/${k}`, OBSTACLES),
    followUp: pick(`fu/${k}`, FOLLOW_UPS),
  };
}

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------

/**
 * Share of a budget row's ceiling spent in a quarter, in per mille. Usual PD: about 21–28 % a
 * quarter (around 75 % by TW III, the pace dashboards expect); weak PD spend slowly; the spender
 * PD about 30 % a quarter from the start. The four quarters never add up to more than the ceiling.
 */
export function absorptionPermille(
  pdName: string | null,
  budgetKey: string,
  year: number,
  quarter: Quarter,
): number {
  const base: Record<Quarter, number> =
    pdName === DEMO_SPENDER_PD
      ? { 1: 300, 2: 310, 3: 300, 4: 70 }
      : has(DEMO_WEAK_PDS, pdName)
        ? { 1: 120, 2: 170, 3: 200, 4: 280 }
        : { 1: 210, 2: 260, 3: 280, 4: 230 };
  const pdShift = hashInt(`abs/${pdName ?? 'Pemda'}/${year}`, -30, 30);
  const rowShift = hashInt(`abs/${budgetKey}/${year}/${quarter}`, -15, 15);
  return Math.max(0, base[quarter] + pdShift + rowShift);
}

/** Rupiah spent in a quarter (whole thousands), never past what is left of the ceiling. */
export function absorbedAmount(ceiling: string, permille: number, spentBefore: string): string {
  const room = new Decimal(ceiling).minus(spentBefore);
  const wanted = new Decimal(ceiling).times(permille).dividedBy(1_000_000).floor().times(1000);
  return Decimal.max(0, Decimal.min(room, wanted)).toFixed(2);
}
