import { AppError } from '../../../shared/errors.js';
import { formatIndonesianNumber } from '../../../shared/indonesian-number.js';
import type { TargetValue } from '../../../shared/target-value.js';
import type { TenantContext } from '../../access/context.js';
import { findVersion, loadSnapshot } from './load-snapshot.js';
import {
  DEFAULT_REALISASI_WORKING_DAYS,
  isQuarterLocked,
  type Quarter,
  quarterDeadline,
  quarters,
} from './quarter-deadlines.js';
import {
  type AgreementSnapshot,
  matchIndicators,
  matchObjectives,
  type SnapshotIndicator,
  sameTarget,
  targetAt,
} from './snapshot.js';

/**
 * The past-quarter lock of a PK Perubahan (REGULATIONS.md: targets of quarters that already
 * have realisasi are not rewritten). A quarter is locked once its realisasi deadline (quarter end
 * + 10 working days, quarter-deadlines.ts) is before today.
 *
 * - Every quarterly target (TW I–IV) of a locked quarter must equal the previous version's.
 * - The annual target may change — that is what an APBD-Perubahan revision is for — unless all
 *   four quarters of that year are locked: the year is over and its realisasi is complete, so
 *   its annual target is locked too (this matters for a multi-year PK revised in a later year).
 * - Indicators are matched with the previous version by their plan indicator
 *   (sourceIndicatorId), else by normalized name within the same sasaran (by plan node, else
 *   normalized title). An indicator new in the revision has no realisasi yet and is free; one
 *   removed is not checked here (its realisasi stays with the previous version, which remains
 *   readable).
 */

export interface LockedChange {
  /** Path of the field in the content body: objectives.0.indicators.1.targets.2026.quarters.0 */
  path: string;
  message: string;
  indicatorId: string;
  indicatorName: string;
  year: number;
  /** 0 = annual, 1–4 = TW I–IV. */
  quarter: number;
  /** The realisasi deadline that passed (YYYY-MM-DD). */
  deadline: string;
  old: TargetValue | null;
  new: TargetValue | null;
}

const roman = ['', 'I', 'II', 'III', 'IV'] as const;

const showTarget = (t: TargetValue | null): string => {
  if (t === null) return 'kosong';
  switch (t.kind) {
    case 'number':
      return formatIndonesianNumber(t.value);
    case 'range':
      return `${formatIndonesianNumber(t.low)}–${formatIndonesianNumber(t.high)}`;
    case 'scale':
      return t.code;
  }
};

const showDate = (iso: string) => iso.split('-').reverse().join('-');

/** Pairs each indicator of the revision with its previous version (see the rule above). */
function pairIndicators(older: AgreementSnapshot, newer: AgreementSnapshot) {
  const partner = new Map<SnapshotIndicator, SnapshotIndicator>();
  const oldBySource = new Map<string, SnapshotIndicator>();
  for (const o of older.objectives) {
    for (const i of o.indicators) {
      if (i.sourceIndicatorId && !oldBySource.has(i.sourceIndicatorId)) {
        oldBySource.set(i.sourceIndicatorId, i);
      }
    }
  }
  const usedOld = new Set<SnapshotIndicator>();
  for (const o of newer.objectives) {
    for (const i of o.indicators) {
      const was = i.sourceIndicatorId ? oldBySource.get(i.sourceIndicatorId) : undefined;
      if (was && !usedOld.has(was)) {
        partner.set(i, was);
        usedOld.add(was);
      }
    }
  }
  for (const [was, now] of matchObjectives(older.objectives, newer.objectives).pairs) {
    const rest = matchIndicators(
      was.indicators.filter((i) => !usedOld.has(i)),
      now.indicators.filter((i) => !partner.has(i)),
    );
    for (const [a, b] of rest.pairs) {
      partner.set(b, a);
      usedOld.add(a);
    }
  }
  return partner;
}

/** The locked targets the revision changed, in content order; empty when none. */
export function findLockedChanges(
  older: AgreementSnapshot,
  newer: AgreementSnapshot,
  today: string,
  workingDays = DEFAULT_REALISASI_WORKING_DAYS,
): LockedChange[] {
  const partner = pairIndicators(older, newer);
  const changes: LockedChange[] = [];
  newer.objectives.forEach((objective, oi) => {
    objective.indicators.forEach((indicator, ii) => {
      const was = partner.get(indicator);
      if (!was) return;
      for (let year = newer.startYear; year <= newer.endYear; year += 1) {
        const locked = quarters.filter((q) => isQuarterLocked(year, q, today, workingDays));
        const checked: number[] = locked.length === 4 ? [...locked, 0] : locked;
        for (const quarter of checked) {
          const a = targetAt(was, year, quarter);
          const b = targetAt(indicator, year, quarter);
          if (sameTarget(a, b)) continue;
          const deadline = quarterDeadline(year, (quarter || 4) as Quarter, workingDays);
          const base = `objectives.${oi}.indicators.${ii}.targets.${year}`;
          const what =
            quarter === 0 ? `target tahunan ${year}` : `target TW ${roman[quarter]} ${year}`;
          const why =
            quarter === 0
              ? `seluruh triwulan tahun ${year} sudah melewati batas realisasi (TW IV: ${showDate(deadline)})`
              : `batas pengisian realisasi TW ${roman[quarter]} (${showDate(deadline)}) sudah lewat`;
          changes.push({
            path: quarter === 0 ? `${base}.annual` : `${base}.quarters.${quarter - 1}`,
            message: `${what[0]?.toUpperCase()}${what.slice(1)} indikator "${indicator.name}" tidak dapat diubah karena ${why}. Kembalikan ke ${showTarget(a)} (diisi ${showTarget(b)}).`,
            indicatorId: indicator.id,
            indicatorName: indicator.name,
            year,
            quarter,
            deadline,
            old: a,
            new: b,
          });
        }
      }
    });
  });
  return changes;
}

/**
 * In a PK Perubahan (revisionNo > 0), targets of quarters already past their realisasi deadline
 * must equal the previous version's. Called at the end of every content write of a revision,
 * inside the same transaction; throws AppError QUARTER_LOCKED naming each changed
 * indicator/quarter (details.fields) so the transaction rolls back. An original PK (revision 0)
 * passes untouched.
 */
export async function assertPastQuartersUnchanged(
  ctx: TenantContext,
  agreementId: string,
  today: string,
): Promise<void> {
  const current = await findVersion(ctx.tx, ctx.tenantId, agreementId);
  if (!current || current.revisionNo === 0 || !current.previousId) return;
  const previous = await findVersion(ctx.tx, ctx.tenantId, current.previousId);
  if (!previous) return;
  const changes = findLockedChanges(
    await loadSnapshot(ctx.tx, ctx.tenantId, previous),
    await loadSnapshot(ctx.tx, ctx.tenantId, current),
    today,
  );
  if (changes.length === 0) return;
  const names = [
    ...new Set(
      changes.map((c) =>
        c.quarter === 0 ? `tahunan ${c.year}` : `TW ${roman[c.quarter]} ${c.year}`,
      ),
    ),
  ];
  throw new AppError(
    'QUARTER_LOCKED',
    `Target triwulan yang batas realisasinya sudah lewat tidak dapat diubah dalam PK Perubahan (${names.join(', ')}). Kembalikan nilainya seperti pada versi sebelumnya; ubah hanya target triwulan yang belum lewat.`,
    { fields: changes },
  );
}
