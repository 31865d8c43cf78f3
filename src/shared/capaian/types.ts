/**
 * The contract of the capaian engine (REGULATIONS.md "Measuring: capaian kinerja"). Every
 * dashboard, export and report calls the engine in this folder; nothing else computes capaian.
 * Pure and browser-safe: numbers travel as canonical decimal strings (see target-value.ts) and
 * are computed with decimal.js, never floats.
 */
import type { Aggregation, CalcMethod, CapaianBand, CapaianCap } from '../codes.js';

export type { TargetValue } from '../target-value.js';

/** The tenant's rules (settings.monitoring): cap, bands, and the zero cases left to the Pemda. */
export interface CapaianRules {
  cap: CapaianCap;
  /** Lower bounds on the value rounded to 2 decimals; sangat_rendah starts at 0. */
  bands: Record<CapaianBand, { min: number; label: string }>;
  /** Lower-is-better (2T−R)/T with target 0 and realisasi > 0: "-" with a reason, or 0 %. */
  zeroTargetRule: 'not_assessed' | 'zero';
}

/** One code of the tenant's ordinal scale with its score (WTP 4 > WDP 3 > TW 2 > TMP 1). */
export interface ScaleLevel {
  code: string;
  score: number;
}

/** How an indicator is measured: copied from the PK indicator. */
export interface IndicatorMeasure {
  method: CalcMethod;
  aggregation: Aggregation;
  /** The scale's levels when method = 'scale'. */
  scale?: readonly ScaleLevel[];
}

/** A realisasi as entered: an exact decimal, or a scale code. Absent (null) = not entered. */
export type RealisasiValue = { kind: 'number'; value: string } | { kind: 'scale'; code: string };

export type NotAssessedReason =
  /** No realisasi entered: never zero, left out of averages. */
  | 'no_realisasi'
  /** No target to compare with for this period. */
  | 'no_target'
  /** A zero case REGULATIONS.md leaves to the tenant, and the tenant shows "-". */
  | 'zero_target'
  /** Averages: every item was not assessed. */
  | 'nothing_assessed';

export type Capaian =
  | {
      assessed: true;
      /** Rounded half-up to 2 decimals, canonical ("107.14", "100", "0"), after the cap. */
      value: string;
      band: CapaianBand;
      /** The raw value was above the cap and was cut to it. */
      capped: boolean;
    }
  | {
      assessed: false;
      reason: NotAssessedReason;
      /** For people, Indonesian: why "-" is shown. */
      message: string;
    };

/** The four quarters of a year, TW I at index 0; null where nothing is entered / targeted. */
export type QuarterValues<T> = readonly [T | null, T | null, T | null, T | null];

/** What the engine says about one indicator at one quarter (REGULATIONS.md). */
export interface QuarterCapaian {
  /** This quarter's realisasi against this quarter's target. */
  quarter: Capaian;
  /** Capaian to date: what bands and dashboards use. */
  toDate: Capaian;
  /** The realisasi so far, aggregated, against the annual target. */
  annual: Capaian;
  /** The aggregated realisasi so far (null when no quarter is filled). */
  realisasiToDate: RealisasiValue | null;
}
