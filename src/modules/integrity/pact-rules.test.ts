import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { assertAnnualDate, defaultAnnualDate } from './pact-common.js';
import { type OrgSnapshot, superiorChain, superiorIn } from './pact-parties.js';
import { percentOf } from './pact-status.js';

describe('defaultAnnualDate', () => {
  it.each([
    ['2026-11-24', 2026, '2026-11-24'],
    ['2026-01-01', 2026, '2026-01-02'],
    ['2025-12-15', 2026, '2026-01-02'],
    ['2027-03-01', 2026, '2026-12-31'],
  ])('today %s, year %d → %s', (today, year, expected) => {
    expect(defaultAnnualDate(today, year)).toBe(expected);
  });
});

describe('assertAnnualDate', () => {
  it.each([
    ['2026-01-05', 2026, true],
    ['2025-12-20', 2026, true],
    ['2024-12-31', 2026, false],
    ['2027-01-01', 2026, false],
  ])('%s for %d: %s', (date, year, ok) => {
    const run = () => assertAnnualDate(date, year);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(AppError);
  });
});

describe('percentOf', () => {
  it.each([
    [0, 0, null],
    [0, 7, '0.00'],
    [1, 3, '33.33'],
    [2, 3, '66.67'],
    [1, 8, '12.50'],
    [5, 5, '100.00'],
  ])('%d of %d → %s', (signed, employees, expected) => {
    expect(percentOf(signed, employees)).toBe(expected);
  });
});

describe('superiors in an organisation snapshot', () => {
  // Wali Kota; Dinas (head), its Bidang (head, staff), a Seksi of the Bidang with no head
  // position; an explicit superior override on one staff position.
  const p = (
    id: string,
    unitId: string | null,
    kind: string,
    headsUnit = false,
    superiorPositionId: string | null = null,
  ) => ({ id, unitId, kind, headsUnit, superiorPositionId, title: id, archived: false });
  const positions = [
    p('walikota', null, 'kepala_daerah'),
    p('wakil', null, 'wakil_kepala_daerah'),
    p('kadis', 'dinas', 'jpt_pratama', true),
    p('kabid', 'bidang', 'administrator', true),
    p('staf', 'bidang', 'pelaksana'),
    p('staf-seksi', 'seksi', 'pelaksana'),
    p('staf-khusus', 'bidang', 'pelaksana', false, 'kadis'),
  ];
  const org: OrgSnapshot = {
    positions: new Map(positions.map((x) => [x.id, x])),
    unitPaths: new Map([
      ['dinas', ['dinas']],
      ['bidang', ['dinas', 'bidang']],
      ['seksi', ['dinas', 'bidang', 'seksi']],
    ]),
    headsByUnit: new Map([
      ['dinas', positions[2]!],
      ['bidang', positions[3]!],
    ]),
    leader: positions[0]!,
  };

  it.each([
    ['walikota', null],
    ['wakil', 'walikota'],
    ['kadis', 'walikota'],
    ['kabid', 'kadis'],
    ['staf', 'kabid'],
    ['staf-seksi', 'kabid'],
    ['staf-khusus', 'kadis'],
  ])('superior of %s is %s', (id, expected) => {
    expect(superiorIn(org, id)?.id ?? null).toBe(expected);
  });

  it('walks the chain up to the Kepala Daerah', () => {
    expect(superiorChain(org, 'staf').map((x) => x.id)).toEqual(['kabid', 'kadis', 'walikota']);
    expect(superiorChain(org, 'walikota')).toEqual([]);
  });
});
