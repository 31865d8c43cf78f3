import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import {
  amountText,
  type ContentDraft,
  draftToBody,
  newIndicator,
  newObjective,
  readTarget,
  serverFieldErrors,
  shown,
} from './draft.js';

describe('readTarget', () => {
  it.each([
    ['', 'ratio', null],
    ['1.234,5', 'ratio', { kind: 'number', value: '1234.5' }],
    ['0,3', 'ratio', { kind: 'number', value: '0.3' }],
    ['WTP', 'scale', { kind: 'scale', code: 'WTP' }],
  ] as const)('%s (%s) → %j', (a, method, expected) => {
    expect(readTarget({ a, b: '' }, method)).toEqual({ ok: true, value: expected });
  });

  it('reads a range and refuses one upside down or half empty', () => {
    expect(readTarget({ a: '10', b: '20,5' }, 'range')).toEqual({
      ok: true,
      value: { kind: 'range', low: '10', high: '20.5' },
    });
    expect(readTarget({ a: '30', b: '20' }, 'range').ok).toBe(false);
    expect(readTarget({ a: '30', b: '' }, 'range').ok).toBe(false);
  });

  it('reads a dot as the thousands separator, so the text the app writes reads back', () => {
    expect(readTarget({ a: '1.000', b: '' }, 'ratio')).toEqual({
      ok: true,
      value: { kind: 'number', value: '1000' },
    });
    expect(readTarget({ a: '1.234.567,25', b: '' }, 'ratio')).toEqual({
      ok: true,
      value: { kind: 'number', value: '1234567.25' },
    });
    for (const value of ['1000', '1234.5', '0.125', '72.1', '1500000.5', '-2.75']) {
      const text = shown(value);
      expect(readTarget(text, 'ratio')).toEqual({ ok: true, value: { kind: 'number', value } });
    }
    expect(shown('1000').a).toBe('1.000');
    expect(amountText('1500000.00')).toBe('1.500.000');
    expect(amountText('1500000.50')).toBe('1.500.000,50');
  });

  it.each([
    ['1000.5', /Gunakan koma untuk desimal/],
    ['1234.5', /Gunakan koma untuk desimal/],
    ['1,234.5', /Gunakan titik untuk ribuan dan koma untuk desimal/],
    ['1,2,3', /Hanya boleh ada satu koma desimal/],
    ['1.23.4', /Pemisah ribuan/],
    ['dua', /Angka hanya boleh berisi digit/],
  ])('refuses %s with a message', (a, message) => {
    const read = readTarget({ a, b: '' }, 'ratio');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it('compares range bounds exactly', () => {
    expect(readTarget({ a: '0,300001', b: '0,3' }, 'range')).toEqual({
      ok: false,
      message: 'Batas bawah tidak boleh lebih besar dari batas atas.',
    });
    expect(readTarget({ a: '0,1', b: '0,100001' }, 'range').ok).toBe(true);
  });
});

describe('draftToBody', () => {
  it('builds the API body with exact decimals and empty quarters as []', () => {
    const objective = newObjective([2027]);
    objective.title = 'Meningkatnya derajat kesehatan';
    const indicator = objective.indicators[0] ?? newIndicator([2027]);
    indicator.name = 'Angka harapan hidup';
    indicator.satuan = 'tahun';
    const target = indicator.targets[0];
    if (!target) throw new Error('no target year');
    target.annual = { a: '72,1', b: '' };
    const draft: ContentDraft = {
      objectives: [objective],
      budgets: [
        {
          key: 'b1',
          sourceNodeId: null,
          programCode: '1.02.02',
          programName: 'Program Pemenuhan Upaya Kesehatan',
          kegiatanCode: '',
          kegiatanName: '',
          subKegiatanCode: '',
          subKegiatanName: '',
          amount: '1.500.000,50',
        },
      ],
    };
    const built = draftToBody(draft, 3);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.body.version).toBe(3);
    expect(built.body.objectives[0]?.indicators[0]?.targets).toEqual([
      { year: 2027, annual: { kind: 'number', value: '72.1' }, quarters: [] },
    ]);
    expect(built.body.budgets[0]).toMatchObject({ amount: '1500000.5', kegiatanCode: null });
  });

  it('names every unreadable field by its path', () => {
    const objective = newObjective([2027]);
    const target = objective.indicators[0]?.targets[0];
    if (!target) throw new Error('no target year');
    target.quarters[2] = { a: 'dua', b: '' };
    const built = draftToBody(
      {
        objectives: [objective],
        budgets: [
          {
            key: 'b',
            sourceNodeId: null,
            programCode: '1',
            programName: 'Program',
            kegiatanCode: '',
            kegiatanName: '',
            subKegiatanCode: '',
            subKegiatanName: '',
            amount: '',
          },
        ],
      },
      1,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual([
      'budgets.0.amount',
      'objectives.0.indicators.0.targets.2027.quarters.2',
    ]);
  });
});

describe('serverFieldErrors', () => {
  it('reads details.fields by year and zod issues by position', () => {
    const fields = new ApiError(400, {
      code: 'QUARTER_PLAN_INVALID',
      message: 'x',
      details: {
        fields: [
          { path: 'objectives.0.indicators.1.targets.2027.quarters.3', message: 'jumlah TW' },
        ],
      },
    });
    expect(serverFieldErrors(fields, [2027])).toEqual({
      'objectives.0.indicators.1.targets.2027.quarters.3': 'jumlah TW',
    });
    const issues = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: 'x',
      details: {
        issues: [
          {
            path: ['objectives', '0', 'indicators', '0', 'targets', '1', 'annual', 'value'],
            message: 'terlalu panjang',
          },
          { path: ['objectives', '0', 'indicators', '0', 'name'], message: 'minimal 3 karakter' },
        ],
      },
    });
    expect(serverFieldErrors(issues, [2027, 2028])).toEqual({
      'objectives.0.indicators.0.targets.2028.annual': 'terlalu panjang',
      'objectives.0.indicators.0.name': 'minimal 3 karakter',
    });
  });
});
