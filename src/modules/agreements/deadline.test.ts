import { describe, expect, it } from 'vitest';
import { tenantSettingsSchema } from '../tenants/settings.js';
import { levelForPosition } from './agreement-common.js';
import { defaultAgreementDate } from './create-agreement.js';
import { addMonths, agreementDeadline, daysBetween, deadlineState } from './deadline.js';

describe('PK deadline arithmetic', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2025-12-20', 1, '2026-01-20'],
    ['2025-12-31', 3, '2026-03-31'],
    ['2025-11-30', 3, '2026-02-28'],
  ])('%s + %i month(s) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('has no deadline without a DPA date', () => {
    expect(agreementDeadline(null, 1)).toBeNull();
    expect(deadlineState(null, '2026-03-01', 'draft')).toEqual({ daysLeft: null, late: false });
  });

  it.each([
    ['2026-01-10', 'draft', 0, 10, false],
    ['2026-01-20', 'submitted', 0, 0, false],
    ['2026-01-21', 'ready_to_sign', 0, -1, true],
    ['2026-02-01', null, 0, -12, true],
    ['2026-02-01', 'signed', 0, null, false],
    ['2026-02-01', 'published', 0, null, false],
    ['2026-10-01', 'draft', 1, null, false],
  ] as const)(
    'on %s a %s PK (revision %i): %s days left, late %s',
    (today, status, rev, days, late) => {
      expect(deadlineState('2026-01-20', today, status, rev)).toEqual({ daysLeft: days, late });
    },
  );

  it('counts days across months and years', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });
});

describe('default PK date', () => {
  it.each([
    ['2025-12-15', 2026, '2026-01-02'],
    ['2026-01-01', 2026, '2026-01-02'],
    ['2026-05-05', 2026, '2026-05-05'],
    ['2027-01-10', 2026, '2026-12-31'],
  ])('today %s, PK year %i → %s', (today, year, expected) => {
    expect(defaultAgreementDate(today, year)).toBe(expected);
  });
});

describe('PK level of a position', () => {
  const settings = tenantSettingsSchema.parse({});
  const withPelaksana = tenantSettingsSchema.parse({ agreements: { includePelaksana: true } });
  it.each([
    ['kepala_daerah', false, null, null, 'p', 'pemda'],
    ['wakil_kepala_daerah', false, null, null, 'p', null],
    ['jpt_pratama', true, 'u', 'eselon_2', null, 'kepala_pd'],
    ['administrator', true, 'u', 'eselon_2', 'p', 'kepala_pd'],
    ['jpt_pratama', false, 'u', 'eselon_2', null, null],
    ['administrator', true, 'u', 'eselon_3', 'p', 'eselon_iii'],
    // A Camat heads a kecamatan: a top-level unit (a PD) even where it is eselon III.
    ['administrator', true, 'u', 'eselon_3', null, 'kepala_pd'],
    ['administrator', false, 'u', 'eselon_3', null, 'eselon_iii'],
    ['pengawas', true, 'u', 'eselon_4', 'p', 'eselon_iv'],
    ['pelaksana', false, 'u', 'eselon_4', 'p', null],
  ] as const)(
    '%s (head %s, level %s) → %s',
    (kind, headsUnit, unitId, unitLevel, parentId, expected) => {
      const unit = unitId === null ? null : { level: unitLevel, parentId };
      expect(levelForPosition({ kind, headsUnit, unitId }, unit, settings)).toBe(expected);
    },
  );
  it('gives pelaksana and JF a PK only when the tenant says so', () => {
    const position = { kind: 'fungsional' as const, headsUnit: false, unitId: 'u' };
    expect(levelForPosition(position, { level: 'eselon_4', parentId: 'p' }, withPelaksana)).toBe(
      'pelaksana',
    );
  });
});
