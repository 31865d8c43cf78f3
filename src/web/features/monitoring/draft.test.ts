import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import {
  absorptionOf,
  budgetKey,
  buildSave,
  draftFromDetail,
  isDirty,
  narrativeKey,
  readAmount,
  readValue,
  serverFieldErrors,
  valueKey,
  wireNumber,
} from './draft.js';
import type { ReportDetail, ReportIndicator } from './types.js';

const notAssessed = { assessed: false as const, reason: 'no_realisasi' as const, message: '-' };

function indicator(patch: Partial<ReportIndicator> = {}): ReportIndicator {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    objectiveId: '22222222-2222-4222-8222-222222222222',
    objectiveTitle: 'Meningkatnya derajat kesehatan',
    name: 'Cakupan imunisasi',
    satuan: '%',
    polarity: 'positive',
    method: 'ratio',
    aggregation: 'last',
    isIku: true,
    allowNegative: false,
    scale: null,
    annualTarget: { kind: 'number', value: '95' },
    quarterTarget: { kind: 'number', value: '90' },
    history: [1, 2, 3, 4].map((quarter) => ({ quarter, value: null, status: null })),
    value: null,
    analysis: '',
    obstacles: '',
    followUp: '',
    capaian: { quarter: notAssessed, toDate: notAssessed, annual: notAssessed },
    explanationRequired: true,
    evidenceCount: 0,
    ...patch,
  } as ReportIndicator;
}

const scaleIndicator = indicator({
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Opini BPK',
  method: 'scale',
  scale: [
    { code: 'WTP', score: 4 },
    { code: 'WDP', score: 3 },
  ],
  annualTarget: { kind: 'scale', code: 'WTP' },
  quarterTarget: null,
});

function detail(
  indicators: ReportIndicator[],
  budgets: ReportDetail['budgets'] = [],
): ReportDetail {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    agreementId: '55555555-5555-4555-8555-555555555555',
    agreement: {
      title: 'PK Kepala Dinas Kesehatan',
      level: 'kepala_pd',
      unitId: null,
      unitName: 'Dinas Kesehatan',
      firstPartyName: 'dr. A',
      secondPartyName: 'Wali Kota',
      status: 'signed',
    },
    year: 2026,
    quarter: 4,
    status: 'draft',
    version: 3,
    deadline: '2027-01-15',
    locked: false,
    unlockedUntil: null,
    indicators,
    budgets,
    evidence: [],
    transitions: [],
    unlocks: [],
    permissions: {
      edit: true,
      submit: true,
      withdraw: false,
      approve: false,
      verify: false,
      return: false,
      requestUnlock: false,
      grantUnlock: false,
      writeNote: false,
    },
  };
}

const budget = {
  id: '66666666-6666-4666-8666-666666666666',
  programName: 'Program Pemenuhan Upaya Kesehatan',
  kegiatanName: null,
  subKegiatanCode: '1.02.02.2.01.0001',
  subKegiatanName: 'Pengelolaan Pelayanan Kesehatan',
  ceiling: '1000000.00',
  previous: '250000.00',
  amount: null,
  absorption: '25.00',
};

describe('readValue (Indonesian numbers, as the field shows them)', () => {
  it.each([
    ['87,5', '87.5', '87,5'],
    ['1.234,5', '1234.5', '1234,5'],
    ['1.234', '1234', '1234'],
    [' 0 ', '0', '0'],
  ])('%s → %s (sent as %s)', (text, value, wire) => {
    expect(readValue(text, indicator())).toEqual({
      ok: true,
      value: { kind: 'number', value },
      wire,
    });
  });

  it('empty is "not entered", never zero', () => {
    expect(readValue('  ', indicator())).toEqual({ ok: true, value: null, wire: null });
  });

  it('text in a number gets the Indonesian message', () => {
    const read = readValue('sembilan puluh', indicator());
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^Realisasi harus berupa angka/);
  });

  it('a decimal point is refused with the hint to use the comma', () => {
    const read = readValue('87.55', indicator());
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/koma/);
  });

  it('negative only where the indicator allows it', () => {
    expect(readValue('-2,5', indicator()).ok).toBe(false);
    expect(readValue('-2,5', indicator({ allowNegative: true }))).toEqual({
      ok: true,
      value: { kind: 'number', value: '-2.5' },
      wire: '-2,5',
    });
  });

  it('scale codes case-insensitively; unknown codes listed', () => {
    expect(readValue('wtp', scaleIndicator)).toEqual({
      ok: true,
      value: { kind: 'scale', code: 'WTP' },
      wire: 'WTP',
    });
    const read = readValue('TMP', scaleIndicator);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('WTP, WDP');
  });

  it('wireNumber keeps no dot to guess', () => {
    expect(wireNumber('1234.5')).toBe('1234,5');
    expect(wireNumber('1.234')).toBe('1,234');
    expect(wireNumber('7')).toBe('7');
  });
});

describe('readAmount (Rupiah)', () => {
  it.each([
    ['1.500.000', '1500000'],
    ['Rp 1.500.000,50', '1500000.5'],
    ['', null],
  ])('%s → %s', (text, value) => {
    expect(readAmount(text)).toEqual({ ok: true, value });
  });
  it('refuses negatives and more than two decimals', () => {
    expect(readAmount('-5').ok).toBe(false);
    expect(readAmount('1,555').ok).toBe(false);
  });
});

describe('draft and save body', () => {
  const stored = indicator({
    value: { kind: 'number', value: '1234.5' },
    analysis: 'Baik',
    history: [
      { quarter: 1, value: { kind: 'number', value: '80' }, status: 'verified' },
      { quarter: 2, value: null, status: null },
      { quarter: 3, value: null, status: null },
      { quarter: 4, value: { kind: 'number', value: '1234.5' }, status: 'draft' },
    ],
  });
  const d = detail([stored, scaleIndicator], [{ ...budget, amount: '100000.00' }]);

  it('shows stored values the Indonesian way and is not dirty', () => {
    const draft = draftFromDetail(d);
    expect(draft.indicators[stored.id]?.value).toBe('1.234,5');
    expect(draft.budgets[budget.id]).toBe('100.000');
    expect(isDirty(draft, d)).toBe(false);
    expect(buildSave(draft, d, d.version)).toEqual({
      ok: true,
      body: { version: 3, values: [], budgets: [] },
    });
  });

  it('the same value typed differently is not a change', () => {
    const draft = draftFromDetail(d);
    draft.indicators[stored.id] = { ...draft.indicators[stored.id]!, value: '1234,50' };
    draft.budgets[budget.id] = 'Rp 100.000,00';
    expect(isDirty(draft, d)).toBe(false);
  });

  it('sends only changed rows, whole, with the unambiguous text', () => {
    const draft = draftFromDetail(d);
    draft.indicators[scaleIndicator.id] = { ...draft.indicators[scaleIndicator.id]!, value: 'WDP' };
    draft.budgets[budget.id] = '150.000';
    expect(isDirty(draft, d)).toBe(true);
    expect(buildSave(draft, d, 7)).toEqual({
      ok: true,
      body: {
        version: 7,
        values: [
          {
            indicatorId: scaleIndicator.id,
            value: 'WDP',
            analysis: '',
            obstacles: '',
            followUp: '',
          },
        ],
        budgets: [{ budgetId: budget.id, amount: '150000' }],
      },
    });
  });

  it('clearing a value sends null', () => {
    const draft = draftFromDetail(d);
    draft.indicators[stored.id] = { ...draft.indicators[stored.id]!, value: '' };
    const built = buildSave(draft, d, 3);
    expect(built.ok && built.body.values[0]?.value).toBeNull();
  });

  it('collects every field error and sends nothing', () => {
    const draft = draftFromDetail(d);
    draft.indicators[stored.id] = { ...draft.indicators[stored.id]!, value: '12 orang' };
    draft.budgets[budget.id] = '-1';
    const built = buildSave(draft, d, 3);
    expect(built.ok).toBe(false);
    if (!built.ok)
      expect(Object.keys(built.errors).sort()).toEqual(
        [budgetKey(budget.id), valueKey(stored.id)].sort(),
      );
  });
});

describe('server errors on the fields', () => {
  const d = detail([indicator(), scaleIndicator], [budget]);

  it('400 details.errors → the value and budget fields', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: '2 isian belum benar',
      details: {
        errors: [
          { indicatorId: indicator().id, budgetId: null, field: 'value', message: 'bukan angka' },
          { indicatorId: null, budgetId: budget.id, field: 'amount', message: 'melebihi pagu' },
        ],
      },
    });
    expect(serverFieldErrors(error, d)).toEqual({
      [valueKey(indicator().id)]: 'bukan angka',
      [budgetKey(budget.id)]: 'melebihi pagu',
    });
  });

  it('422 EXPLANATION_REQUIRED marks the empty narrative fields of the indicators listed', () => {
    const draft = draftFromDetail(d);
    draft.indicators[indicator().id] = {
      ...draft.indicators[indicator().id]!,
      analysis: 'Sudah ditulis',
    };
    const error = new ApiError(422, {
      code: 'EXPLANATION_REQUIRED',
      message: 'belum dapat diajukan',
      details: { indicators: [{ indicatorId: indicator().id, name: 'x', reason: 'low_band' }] },
    });
    const fields = serverFieldErrors(error, d, draft);
    expect(Object.keys(fields).sort()).toEqual(
      [narrativeKey(indicator().id, 'obstacles'), narrativeKey(indicator().id, 'followUp')].sort(),
    );
  });
});

describe('absorptionOf (budget, not capaian)', () => {
  it('(previous + amount) / pagu, 2 decimals half-up; null for a zero pagu', () => {
    expect(absorptionOf('1000000', '250000', '100000')).toBe('35');
    expect(absorptionOf('3', '0', '1')).toBe('33.33');
    expect(absorptionOf('0', '0', '1')).toBeNull();
  });
});
