import { describe, expect, it } from 'vitest';
import {
  type AssignmentSpan,
  findDefinitifOverlap,
  pickHolder,
  resolveSuperior,
  spansOverlap,
} from './holder-rules.js';

const span = (kind: AssignmentSpan['kind'], startDate: string, endDate: string | null = null) => ({
  kind,
  startDate,
  endDate,
});

describe('spansOverlap (inclusive dates, open end = forever)', () => {
  it.each([
    [span('definitif', '2020-01-01', '2020-12-31'), span('definitif', '2021-01-01'), false],
    [span('definitif', '2020-01-01', '2021-01-01'), span('definitif', '2021-01-01'), true],
    [span('definitif', '2020-01-01'), span('definitif', '2030-05-05'), true],
    [
      span('definitif', '2022-01-01', '2022-06-30'),
      span('definitif', '2021-01-01', '2021-12-31'),
      false,
    ],
    [
      span('definitif', '2022-01-01', '2022-06-30'),
      span('definitif', '2022-03-01', '2022-03-02'),
      true,
    ],
  ])('%o vs %o → %s', (a, b, expected) => {
    expect(spansOverlap(a, b)).toBe(expected);
    expect(spansOverlap(b, a)).toBe(expected);
  });
});

describe('findDefinitifOverlap', () => {
  const existing = [
    { id: 'a', ...span('definitif', '2020-01-01', '2023-12-31') },
    { id: 'b', ...span('plt', '2024-01-01', '2024-03-31') },
    { id: 'c', ...span('definitif', '2024-04-01') },
  ];
  it.each([
    ['a new definitif while one is open', span('definitif', '2025-01-01'), 'c'],
    ['a definitif inside an ended tenure', span('definitif', '2022-01-01', '2022-02-01'), 'a'],
    ['a definitif in the Plt gap', span('definitif', '2024-01-01', '2024-03-31'), null],
    ['a Plt over a definitif (allowed)', span('plt', '2025-01-01'), null],
    ['a Plh over a definitif (allowed)', span('plh', '2025-01-01', '2025-01-10'), null],
  ])('%s', (_label, candidate, expectedId) => {
    expect(findDefinitifOverlap(candidate, existing)?.id ?? null).toBe(expectedId);
  });
});

describe('pickHolder: who acts in a position on a date', () => {
  const history = [
    { id: 'old', ...span('definitif', '2019-01-01', '2022-12-31') },
    { id: 'plt', ...span('plt', '2023-01-01', '2023-06-30') },
    { id: 'new', ...span('definitif', '2023-07-01') },
    { id: 'plh', ...span('plh', '2026-01-12', '2026-01-23') },
  ];
  it.each([
    ['2018-12-31', null],
    ['2019-01-01', 'old'],
    ['2022-12-31', 'old'],
    ['2023-01-01', 'plt'],
    ['2023-06-30', 'plt'],
    ['2023-07-01', 'new'],
    ['2026-01-12', 'plh'],
    ['2026-01-23', 'plh'],
    ['2026-01-24', 'new'],
  ])('on %s → %s', (date, expected) => {
    expect(pickHolder(history, date)?.id ?? null).toBe(expected);
  });

  it('prefers the latest acting official when two overlap', () => {
    const spans = [
      { id: 'plt-1', ...span('plt', '2025-01-01') },
      { id: 'plt-2', ...span('plt', '2025-06-01') },
      { id: 'def', ...span('definitif', '2020-01-01') },
    ];
    expect(pickHolder(spans, '2025-07-01')?.id).toBe('plt-2');
  });
});

describe('resolveSuperior', () => {
  // Dinas (D) > Bidang (B) > Seksi (S); Wali Kota (W) above all.
  const pos = (id: string, unitId: string | null, headsUnit: boolean, kind = 'pengawas') => ({
    id,
    unitId,
    headsUnit,
    kind,
    superiorPositionId: null,
  });
  const walikota = pos('walikota', null, false, 'kepala_daerah');
  const kadis = pos('kadis', 'D', true, 'jpt_pratama');
  const kabid = pos('kabid', 'B', true, 'administrator');
  const kasi = pos('kasi', 'S', true);
  const staf = pos('staf', 'S', false, 'pelaksana');
  const stafBidang = pos('staf-b', 'B', false, 'fungsional');
  const wakil = pos('wakil', null, false, 'wakil_kepala_daerah');
  const heads = [kadis, kabid, kasi];

  it.each([
    ['staff of a seksi → its Kasi', staf, ['D', 'B', 'S'], heads, 'kasi'],
    ['Kasi → Kabid', kasi, ['D', 'B', 'S'], heads, 'kabid'],
    ['Kabid → Kadis', kabid, ['D', 'B'], heads, 'kadis'],
    ['Kadis → Wali Kota', kadis, ['D'], heads, 'walikota'],
    ['fungsional in a bidang → Kabid', stafBidang, ['D', 'B'], heads, 'kabid'],
    ['Kasi with no Kabid position → Kadis', kasi, ['D', 'B', 'S'], [kadis, kasi], 'kadis'],
    ['Wakil → Wali Kota', wakil, [], heads, 'walikota'],
    ['Wali Kota → none', walikota, [], heads, null],
  ])('%s', (_label, position, path, headList, expected) => {
    expect(resolveSuperior(position, path, headList, walikota)?.id ?? null).toBe(expected);
  });
});
