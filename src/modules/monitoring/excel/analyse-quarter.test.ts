import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tenantSettingsSchema } from '../../tenants/settings.js';
import type { IndicatorYear } from '../indicator-years.js';
import { analyseQuarterWorkbook, readValueCell, unambiguous } from './analyse-quarter.js';
import { fillHeaderQuarter } from './quarter-layout.js';
import type { QuarterAgreement, QuarterIndicator, UnitQuarter } from './unit-quarter.js';

const ids = {
  pk: '0190a0a0-0000-7000-8000-000000000001',
  ratio: '0190a0a0-0000-7000-8000-000000000011',
  scale: '0190a0a0-0000-7000-8000-000000000012',
  budget: '0190a0a0-0000-7000-8000-000000000021',
};

function indicator(
  id: string,
  method: 'ratio' | 'scale',
  current: QuarterIndicator['current'] = null,
  allowNegative = false,
): QuarterIndicator {
  // Only what the analysis reads; the loader's other fields do not matter here.
  const year = {
    indicatorId: id,
    agreementId: ids.pk,
    objectiveId: ids.pk,
    objectiveTitle: 'Sasaran',
    satuan: '%',
    isIku: false,
    narratives: [null, null, null, null],
    year: 2026,
    name: method === 'scale' ? 'Opini BPK' : 'Persentase faskes terakreditasi',
    polarity: 'positive',
    allowNegative,
    measure:
      method === 'scale'
        ? {
            method,
            aggregation: 'last',
            scale: [
              { code: 'WTP', score: 4 },
              { code: 'WDP', score: 3 },
            ],
          }
        : { method, aggregation: 'last' },
    annualTarget: null,
    quarterTargets: [null, null, null, null],
    realisasi: [null, null, null, null],
    hasRow: [false, false, false, false],
  } as IndicatorYear;
  return {
    id,
    agreementId: ids.pk,
    objectiveTitle: 'Sasaran',
    name: year.name,
    satuan: '%',
    method,
    allowNegative,
    scaleCodes: method === 'scale' ? ['WTP', 'WDP'] : null,
    year,
    current,
  };
}

function unitQuarter(report: QuarterAgreement['report'], locked = false): UnitQuarter {
  return {
    unit: { id: 'u', name: 'Dinas Kesehatan', path: ['u'] },
    year: 2026,
    quarter: 2,
    settings: tenantSettingsSchema.parse({}),
    deadline: '2026-07-14',
    agreements: [
      {
        id: ids.pk,
        title: 'PK Kepala Dinas Kesehatan',
        level: 'kepala_pd',
        unitId: 'u',
        unitName: 'Dinas Kesehatan',
        holderName: 'Siti',
        label: 'Kepala PD · Dinas Kesehatan · Siti',
        report,
        locked,
        indicators: [
          indicator(ids.ratio, 'ratio', {
            value: { kind: 'number', value: '70' },
            analysis: 'Lama',
            obstacles: '',
            followUp: '',
          }),
          indicator(ids.scale, 'scale'),
        ],
        budgets: [
          {
            id: ids.budget,
            agreementId: ids.pk,
            code: '1.02.02.2.01.0001',
            name: 'Pembangunan Puskesmas',
            ceiling: '100000000.00',
            previous: '20000000.00',
            others: '20000000.00',
            current: null,
          },
        ],
      },
    ],
  };
}

function workbook(
  rows: (string | number | null)[][],
  budgets: (string | number | null)[][] = [],
): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const r = book.addWorksheet('Realisasi');
  r.addRow([
    'Indikator',
    'Realisasi TW II',
    'Analisis',
    'Kendala',
    'Tindak Lanjut',
    'ID Indikator',
  ]);
  for (const row of rows) r.addRow(row);
  const b = book.addWorksheet('Anggaran');
  b.addRow(['Kode', 'Realisasi TW II (Rp)', 'ID Anggaran']);
  for (const row of budgets) b.addRow(row);
  return book;
}

describe('readValueCell', () => {
  const ratio = indicator(ids.ratio, 'ratio');
  const scale = indicator(ids.scale, 'scale');
  it('reads numbers exactly, Indonesian text, and scale codes', () => {
    expect(readValueCell({ kind: 'number', value: 0.1 + 0.2 }, ratio)).toEqual({
      ok: true,
      value: { kind: 'number', value: '0.3' },
    });
    // A number cell 1.234 is one point two three four, never a thousands group.
    expect(readValueCell({ kind: 'number', value: 1.234 }, ratio)).toEqual({
      ok: true,
      value: { kind: 'number', value: '1.234' },
    });
    expect(readValueCell({ kind: 'text', text: '1.234,5' }, ratio)).toEqual({
      ok: true,
      value: { kind: 'number', value: '1234.5' },
    });
    expect(readValueCell({ kind: 'text', text: ' wdp ' }, scale)).toEqual({
      ok: true,
      value: { kind: 'scale', code: 'WDP' },
    });
    expect(readValueCell({ kind: 'empty' }, ratio)).toBeNull();
  });
  it('refuses text, ambiguity, negatives, unknown codes and dates with a message', () => {
    const message = (r: ReturnType<typeof readValueCell>) => (r && !r.ok ? r.message : '');
    expect(message(readValueCell({ kind: 'text', text: 'tujuh' }, ratio))).toContain(
      '"tujuh" bukan angka',
    );
    expect(message(readValueCell({ kind: 'text', text: '1.234' }, ratio))).toContain('meragukan');
    expect(message(readValueCell({ kind: 'number', value: -1 }, ratio))).toContain('negatif');
    expect(
      readValueCell({ kind: 'number', value: -1 }, indicator(ids.ratio, 'ratio', null, true)),
    ).toEqual({ ok: true, value: { kind: 'number', value: '-1' } });
    expect(message(readValueCell({ kind: 'text', text: 'TMP' }, scale))).toContain('WTP, WDP');
    expect(message(readValueCell({ kind: 'date', value: new Date() }, ratio))).toContain(
      'bukan angka',
    );
  });
  it('passes values on in a form no parser reads two ways', () => {
    expect(unambiguous('1.234')).toBe('1,234');
    expect(unambiguous('1234')).toBe('1234');
  });
});

describe('fillHeaderQuarter', () => {
  it('recognises the fill columns of any quarter', () => {
    expect(fillHeaderQuarter('Realisasi TW III')).toBe(3);
    expect(fillHeaderQuarter('realisasi tw iv (rp)')).toBe(4);
    expect(fillHeaderQuarter('TW I (tersimpan)')).toBeNull();
    expect(fillHeaderQuarter('Realisasi s.d. TW I (Rp)')).toBeNull();
  });
});

describe('analyseQuarterWorkbook', () => {
  it('keeps unchanged and empty rows out of the changes', () => {
    const analysis = analyseQuarterWorkbook(
      workbook([
        ['A', 70, 'Lama', null, null, ids.ratio],
        ['B', null, null, null, null, ids.scale],
      ]),
      unitQuarter(null),
    );
    expect(analysis).toMatchObject({ errors: [], changes: [], totalRows: 2 });
  });

  it('collects the changed values (empty value cells keep the stored value)', () => {
    const analysis = analyseQuarterWorkbook(
      workbook(
        [
          ['A', null, 'Baru', 'Kendala', null, ids.ratio.toUpperCase()],
          ['B', 'wtp', null, null, null, ids.scale],
        ],
        [['1.02', '15.000.000', ids.budget]],
      ),
      unitQuarter({ id: 'r', status: 'returned', version: 3, unlockedUntil: null }),
    );
    expect(analysis.errors).toEqual([]);
    expect(analysis.changes).toHaveLength(1);
    expect(analysis.changes[0]?.values).toEqual([
      { indicatorId: ids.ratio, value: '70', analysis: 'Baru', obstacles: 'Kendala' },
      { indicatorId: ids.scale, value: 'WTP' },
    ]);
    expect(analysis.changes[0]?.budgets).toEqual([{ budgetId: ids.budget, amount: '15000000,00' }]);
  });

  it('refuses changes to a submitted report or a locked quarter, not unchanged rows', () => {
    const submitted = analyseQuarterWorkbook(
      workbook([
        ['A', 70, null, null, null, ids.ratio],
        ['B', 'WDP', null, null, null, ids.scale],
      ]),
      unitQuarter({ id: 'r', status: 'submitted', version: 3, unlockedUntil: null }),
    );
    expect(submitted.errors).toEqual([
      {
        sheet: 'Realisasi',
        row: 3,
        column: 'Realisasi TW II',
        message: expect.stringContaining('sudah diajukan'),
      },
    ]);
    const locked = analyseQuarterWorkbook(
      workbook([], [['1.02', 80000001, ids.budget]]),
      unitQuarter(null, true),
    );
    // Over the ceiling is said first: the room left is what the person needs to know.
    expect(locked.errors[0]?.message).toContain('sisa pagu Rp 80.000.000');
    const lockedOnly = analyseQuarterWorkbook(
      workbook([], [['1.02', 1000, ids.budget]]),
      unitQuarter(null, true),
    );
    expect(lockedOnly.errors[0]?.message).toContain('terkunci');
  });

  it('warns when the budget sheet is missing', () => {
    const book = workbook([]);
    book.removeWorksheet((book.getWorksheet('Anggaran') as ExcelJS.Worksheet).id);
    const analysis = analyseQuarterWorkbook(book, unitQuarter(null));
    expect(analysis.errors).toEqual([]);
    expect(analysis.warnings[0]).toContain('Anggaran');
  });
});
