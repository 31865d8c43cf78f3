import { describe, expect, it } from 'vitest';
import { findLockedChanges } from './past-quarter-lock.js';
import type { AgreementSnapshot, SnapshotIndicator } from './snapshot.js';

const n = (value: string) => ({ kind: 'number' as const, value });

function snapshot(indicators: SnapshotIndicator[], endYear = 2026): AgreementSnapshot {
  const party = {
    positionId: 'p',
    positionTitle: 'Kepala Bidang',
    employeeId: 'e',
    name: 'Nama',
    nip: null,
    assignmentKind: 'definitif',
  };
  return {
    id: 'x',
    startYear: 2026,
    endYear,
    firstParty: party,
    secondParty: party,
    objectives: [
      { id: 'o', sourceNodeId: null, title: 'Sasaran A', supportsTitle: null, indicators },
    ],
    budgets: [],
  };
}

function indicator(
  id: string,
  name: string,
  quarters: string[],
  sourceIndicatorId: string | null = null,
): SnapshotIndicator {
  return {
    id,
    sourceIndicatorId,
    name,
    satuan: '%',
    polarity: 'positive',
    method: 'ratio',
    aggregation: 'last',
    isIku: false,
    targets: [
      {
        year: 2026,
        annual: n('80'),
        quarters: quarters.map((q) => n(q)) as SnapshotIndicator['targets'][number]['quarters'],
      },
    ],
  };
}

const before = snapshot([indicator('a', 'Indikator A', ['20', '40', '60', '80'], 'src-a')]);

describe('findLockedChanges', () => {
  it.each([
    ['nothing changed', ['20', '40', '60', '80'], '2026-08-01', []],
    ['TW I changed after its deadline', ['25', '40', '60', '80'], '2026-08-01', [1]],
    ['TW I and II changed', ['25', '45', '60', '80'], '2026-08-01', [1, 2]],
    ['TW III changed before its deadline', ['20', '40', '65', '80'], '2026-08-01', []],
    ['TW I changed before its deadline', ['25', '40', '60', '80'], '2026-04-14', []],
    ['the same number written differently', ['20.00', '40', '60', '80'], '2026-12-01', []],
  ])('%s', (_label, quarters, today, expected) => {
    const after = snapshot([indicator('b', 'Indikator A', quarters, 'src-a')]);
    expect(findLockedChanges(before, after, today).map((c) => c.quarter)).toEqual(expected);
  });

  it('matches by plan indicator even when renamed', () => {
    const after = snapshot([indicator('b', 'Indikator A baru', ['25', '40', '60', '80'], 'src-a')]);
    expect(findLockedChanges(before, after, '2026-08-01')).toHaveLength(1);
  });

  it('matches by normalized name without a plan indicator', () => {
    const older = snapshot([indicator('a', 'Indikator  B', ['1', '2', '3', '4'])]);
    const newer = snapshot([indicator('b', 'indikator b', ['9', '2', '3', '4'])]);
    expect(findLockedChanges(older, newer, '2026-08-01')[0]?.path).toBe(
      'objectives.0.indicators.0.targets.2026.quarters.0',
    );
  });

  it('leaves a new indicator free', () => {
    const after = snapshot([
      indicator('b', 'Indikator A', ['20', '40', '60', '80'], 'src-a'),
      indicator('c', 'Indikator baru', ['1', '1', '1', '1']),
    ]);
    expect(findLockedChanges(before, after, '2027-06-01')).toEqual([]);
  });

  it('locks the annual target only when the year is over', () => {
    const after = snapshot([indicator('b', 'Indikator A', ['20', '40', '60', '80'], 'src-a')]);
    const target = after.objectives[0]?.indicators[0]?.targets[0];
    if (target) target.annual = n('85');
    expect(findLockedChanges(before, after, '2026-12-01')).toEqual([]);
    expect(findLockedChanges(before, after, '2027-01-15').map((c) => c.path)).toEqual([
      'objectives.0.indicators.0.targets.2026.annual',
    ]);
  });
});
