import { describe, expect, it } from 'vitest';
import { type AgreementDiff, diffAgreements } from './diff-agreements.js';
import type { AgreementSnapshot, SnapshotIndicator } from './snapshot.js';

const n = (value: string) => ({ kind: 'number' as const, value });

function indicator(id: string, name: string, extra: Partial<SnapshotIndicator> = {}) {
  return {
    id,
    sourceIndicatorId: null,
    name,
    satuan: '%',
    polarity: 'positive',
    method: 'ratio',
    aggregation: 'last',
    isIku: false,
    targets: [{ year: 2026, annual: n('80'), quarters: [n('20'), n('40'), n('60'), n('80')] }],
    ...extra,
  } as SnapshotIndicator;
}

function base(): AgreementSnapshot {
  return {
    id: 'a',
    startYear: 2026,
    endYear: 2026,
    firstParty: {
      positionId: 'p1',
      positionTitle: 'Kepala Dinas Kesehatan',
      employeeId: 'e1',
      name: 'dr. Siti Aminah, M.Kes',
      nip: '198001012005012001',
      assignmentKind: 'definitif',
    },
    secondParty: {
      positionId: 'p0',
      positionTitle: 'Wali Kota',
      employeeId: 'e0',
      name: 'Budi Santoso',
      nip: null,
      assignmentKind: 'definitif',
    },
    objectives: [
      {
        id: 'o1',
        sourceNodeId: 'n1',
        title: 'Meningkatnya derajat kesehatan masyarakat',
        supportsTitle: 'Meningkatnya kualitas SDM',
        indicators: [
          indicator('i1', 'Angka Harapan Hidup', { sourceIndicatorId: 's1', satuan: 'tahun' }),
          indicator('i2', 'Persentase balita gizi buruk tertangani'),
        ],
      },
    ],
    budgets: [
      {
        id: 'b1',
        sourceNodeId: null,
        programCode: '1.02.02',
        programName: 'Program Pemenuhan Upaya Kesehatan',
        kegiatanCode: '1.02.02.2.01',
        kegiatanName: 'Penyediaan Fasilitas Pelayanan Kesehatan',
        subKegiatanCode: null,
        subKegiatanName: null,
        amount: '1500000000.00',
      },
      {
        id: 'b2',
        sourceNodeId: null,
        programCode: '1.02.01',
        programName: 'Program Penunjang Urusan',
        kegiatanCode: null,
        kegiatanName: null,
        subKegiatanCode: null,
        subKegiatanName: null,
        amount: '0.10',
      },
    ],
  };
}

/** A revision copies every row with new ids; the diff must not see that as a change. */
function copyOf(s: AgreementSnapshot): AgreementSnapshot {
  const copy = structuredClone(s);
  copy.id = 'b';
  for (const o of copy.objectives) {
    o.id = `${o.id}-r`;
    for (const i of o.indicators) i.id = `${i.id}-r`;
  }
  for (const b of copy.budgets) b.id = `${b.id}-r`;
  return copy;
}

const firstIndicator = (s: AgreementSnapshot) =>
  s.objectives[0]?.indicators[0] as SnapshotIndicator;

type Case = [
  string,
  (s: AgreementSnapshot) => void,
  (d: AgreementDiff) => void,
  Partial<AgreementDiff['summary']>,
];

const cases: Case[] = [
  ['an unchanged copy', () => {}, (d) => expect(d.objectives[0]?.change).toBe('unchanged'), {}],
  [
    'a changed TW I target',
    (s) => {
      const t = firstIndicator(s).targets[0];
      if (t) t.quarters[0] = n('25');
    },
    (d) => {
      expect(d.objectives[0]?.indicators[0]?.targets).toEqual([
        { year: 2026, quarter: 1, old: n('20'), new: n('25') },
      ]);
      expect(d.objectives[0]?.indicators[0]?.change).toBe('changed');
    },
    { targetsChanged: 1, indicatorsChanged: 0 },
  ],
  [
    'the same number written differently',
    (s) => {
      const t = firstIndicator(s).targets[0];
      if (t) t.annual = n('80.00');
    },
    (d) => expect(d.objectives[0]?.indicators[0]?.change).toBe('unchanged'),
    { targetsChanged: 0 },
  ],
  [
    'a number that became a range',
    (s) => {
      const t = firstIndicator(s).targets[0];
      if (t) t.annual = { kind: 'range', low: '75', high: '85' };
    },
    (d) =>
      expect(d.objectives[0]?.indicators[0]?.targets[0]).toMatchObject({
        quarter: 0,
        new: { kind: 'range', low: '75', high: '85' },
      }),
    { targetsChanged: 1 },
  ],
  [
    'renamed indicator keeps its plan source',
    (s) => {
      firstIndicator(s).name = 'Usia Harapan Hidup';
      firstIndicator(s).isIku = true;
    },
    (d) =>
      expect(d.objectives[0]?.indicators[0]?.fields).toEqual([
        { field: 'name', old: 'Angka Harapan Hidup', new: 'Usia Harapan Hidup' },
        { field: 'isIku', old: false, new: true },
      ]),
    { indicatorsChanged: 1, indicatorsAdded: 0, indicatorsRemoved: 0 },
  ],
  [
    'spacing and case of a name is no change',
    (s) => {
      const i = s.objectives[0]?.indicators[1];
      if (i) i.name = '  persentase balita  gizi buruk tertangani ';
    },
    (d) => expect(d.objectives[0]?.indicators[1]?.change).toBe('unchanged'),
    {},
  ],
  [
    'an added indicator',
    (s) => {
      s.objectives[0]?.indicators.push(indicator('i9', 'Cakupan imunisasi dasar lengkap'));
    },
    (d) => {
      const added = d.objectives[0]?.indicators[2];
      expect(added?.change).toBe('added');
      expect(added?.old).toBeNull();
      expect(added?.new?.name).toBe('Cakupan imunisasi dasar lengkap');
    },
    { indicatorsAdded: 1, targetsChanged: 0 },
  ],
  [
    'a removed indicator without plan source (matched by name)',
    (s) => {
      s.objectives[0]?.indicators.splice(1, 1);
    },
    (d) => {
      expect(d.objectives[0]?.indicators.map((i) => i.change)).toEqual(['unchanged', 'removed']);
      expect(d.objectives[0]?.change).toBe('changed');
    },
    { indicatorsRemoved: 1 },
  ],
  [
    'a retitled sasaran with a plan source and a new supported sasaran',
    (s) => {
      const o = s.objectives[0];
      if (o) {
        o.title = 'Meningkatnya derajat kesehatan';
        o.supportsTitle = 'Meningkatnya daya saing daerah';
      }
    },
    (d) => expect(d.objectives[0]?.fields.map((f) => f.field)).toEqual(['title', 'supports']),
    { objectivesChanged: 1, objectivesAdded: 0 },
  ],
  [
    'an added sasaran without plan source',
    (s) => {
      s.objectives.push({
        id: 'o2',
        sourceNodeId: null,
        title: 'Meningkatnya mutu layanan',
        supportsTitle: null,
        indicators: [indicator('i7', 'Indeks kepuasan masyarakat')],
      });
    },
    (d) => {
      expect(d.objectives[1]?.change).toBe('added');
      expect(d.objectives[1]?.indicators[0]?.change).toBe('added');
    },
    { objectivesAdded: 1, indicatorsAdded: 1 },
  ],
  [
    'a removed sasaran',
    (s) => {
      s.objectives = [];
    },
    (d) => {
      expect(d.objectives[0]?.change).toBe('removed');
      expect(d.objectives[0]?.indicators.map((i) => i.change)).toEqual(['removed', 'removed']);
    },
    { objectivesRemoved: 1, indicatorsRemoved: 2 },
  ],
  [
    'a changed amount with exact decimals',
    (s) => {
      const b = s.budgets[1];
      if (b) b.amount = '0.30';
    },
    (d) => {
      expect(d.budgets.rows[1]?.fields).toEqual([{ field: 'amount', old: '0.10', new: '0.30' }]);
      expect(d.budgets.totalOld).toBe('1500000000.10');
      expect(d.budgets.totalNew).toBe('1500000000.30');
      expect(d.budgets.totalChanged).toBe(true);
    },
    { budgetRowsChanged: 1 },
  ],
  [
    'an added and a removed budget row',
    (s) => {
      s.budgets.splice(1, 1);
      s.budgets.push({
        id: 'b3',
        sourceNodeId: null,
        programCode: '1.02.03',
        programName: 'Program Peningkatan Kapasitas SDM Kesehatan',
        kegiatanCode: null,
        kegiatanName: null,
        subKegiatanCode: null,
        subKegiatanName: null,
        amount: '250000000.00',
      });
    },
    (d) => {
      expect(d.budgets.rows.map((r) => r.change)).toEqual(['unchanged', 'added', 'removed']);
      expect(d.budgets.totalNew).toBe('1750000000.00');
    },
    { budgetRowsAdded: 1, budgetRowsRemoved: 1 },
  ],
  [
    'a new first party after mutasi',
    (s) => {
      s.firstParty = {
        ...s.firstParty,
        employeeId: 'e9',
        name: 'Ahmad Fauzi, S.KM',
        nip: '197905052006041002',
        assignmentKind: 'plt',
      };
    },
    (d) => {
      expect(d.parties[0]?.change).toBe('changed');
      expect(d.parties[0]?.fields.map((f) => f.field)).toEqual(['name', 'nip', 'assignmentKind']);
      expect(d.parties[1]?.change).toBe('unchanged');
    },
    { partiesChanged: 1 },
  ],
];

describe('diffAgreements', () => {
  it.each(cases)('%s', (_label, mutate, check, summary) => {
    const older = base();
    const newer = copyOf(older);
    mutate(newer);
    const diff = diffAgreements(older, newer);
    check(diff);
    expect(diff.summary).toMatchObject(summary);
  });

  it('covers every year of a multi-year PK', () => {
    const older = base();
    older.endYear = 2030;
    const i = firstIndicator(older);
    i.targets = [2026, 2027, 2028, 2029, 2030].map((year) => ({
      year,
      annual: n(String(70 + year - 2026)),
      quarters: [null, null, null, null],
    }));
    const newer = copyOf(older);
    const t2029 = firstIndicator(newer).targets.find((t) => t.year === 2029);
    if (t2029) t2029.annual = n('75.5');
    const diff = diffAgreements(older, newer);
    expect(diff.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(diff.objectives[0]?.indicators[0]?.targets).toEqual([
      { year: 2029, quarter: 0, old: n('73'), new: n('75.5') },
    ]);
  });

  it('sees a target that disappears as a change to null', () => {
    const older = base();
    const newer = copyOf(older);
    const t = firstIndicator(newer).targets[0];
    if (t) t.quarters[3] = null;
    expect(diffAgreements(older, newer).objectives[0]?.indicators[0]?.targets).toEqual([
      { year: 2026, quarter: 4, old: n('80'), new: null },
    ]);
  });
});
