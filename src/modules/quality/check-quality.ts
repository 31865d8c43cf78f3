import type { QualityContext, QualityFinding, QualityObjectiveInput } from './types.js';

/** STUB (being written): the SMART rules over sasaran and their indicators. */
export function checkQuality(
  _objectives: readonly QualityObjectiveInput[],
  _context: QualityContext,
): QualityFinding[] {
  return [];
}

/** Whether any finding blocks (severity error). */
export function hasBlockingFindings(findings: readonly QualityFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
