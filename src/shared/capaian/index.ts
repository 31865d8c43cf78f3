/**
 * The capaian engine (REGULATIONS.md "Measuring: capaian kinerja"; docs/capaian.md). Every
 * dashboard, export and report calls it; nothing else computes capaian. Pure and browser-safe.
 */
export { aggregateRealisasi, aggregateTargets, filledQuarters, type Quarter } from './aggregate.js';
export { averageCapaian, type WeightedCapaian } from './average.js';
export { bandLabel, bandOf, lowBands, requiresExplanation } from './bands.js';
export { type AssessedCapaian, computeCapaian } from './compute.js';
export { capaianFromStored, formatCapaian, formatCapaianValue } from './format.js';
export { notAssessedMessages } from './messages.js';
export { type ParseRealisasiOptions, parseRealisasiInput } from './parse-realisasi.js';
export { type IndicatorYearValues, quarterCapaian } from './quarter.js';
export {
  capPercent,
  defaultCapaianBandRules,
  defaultCapaianRules,
  type MonitoringRuleSettings,
  rulesFromSettings,
} from './rules.js';
export type {
  Capaian,
  CapaianRules,
  IndicatorMeasure,
  NotAssessedReason,
  QuarterCapaian,
  QuarterValues,
  RealisasiValue,
  ScaleLevel,
  TargetValue,
} from './types.js';
