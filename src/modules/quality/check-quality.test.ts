import { describe, expect, it } from 'vitest';
import type { QualityRule, QualitySeverity } from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';
import { defaultQualitySeverity } from '../tenants/settings.js';
import { checkQuality, hasBlockingFindings } from './check-quality.js';
import { isNearDuplicateName } from './near-duplicate.js';
import type {
  QualityContext,
  QualityFinding,
  QualityIndicatorInput,
  QualityObjectiveInput,
} from './types.js';

const n = (value: string): TargetValue => ({ kind: 'number', value });
const r = (low: string, high: string): TargetValue => ({ kind: 'range', low, high });
const s = (code: string): TargetValue => ({ kind: 'scale', code });

let keys = 0;
function indicator(overrides: Partial<QualityIndicatorInput> = {}): QualityIndicatorInput {
  keys += 1;
  return {
    key: `ind-${keys}`,
    name: `Indeks kepuasan masyarakat layanan ${keys}`,
    satuan: 'indeks',
    method: 'ratio',
    polarity: 'positive',
    aggregation: 'last',
    isIku: false,
    ikuChangedAt: null,
    targets: [{ year: 2027, target: n('80') }],
    endTarget: null,
    ...overrides,
  };
}

/** Five-year plan targets. */
const years = (...values: (TargetValue | null)[]) =>
  values.map((target, i) => ({ year: 2025 + i, target }));

const objective = (...indicators: QualityIndicatorInput[]): QualityObjectiveInput => ({
  key: `obj-${indicators[0]?.key ?? 'empty'}`,
  title: 'Meningkatnya derajat kesehatan masyarakat',
  indicators,
});

const pk = (level: 'pemda' | 'kepala_pd' | 'eselon_iii' | 'eselon_iv'): QualityContext => ({
  scope: { kind: 'agreement', level },
  severity: defaultQualitySeverity,
});
const renstra = (nodeKind: 'tujuan' | 'sasaran' | 'program' | 'kegiatan'): QualityContext => ({
  scope: { kind: 'plan', nodeKind, isRpjmd: false },
  severity: defaultQualitySeverity,
});
const rpjmd = (nodeKind: 'misi' | 'sasaran'): QualityContext => ({
  scope: { kind: 'plan', nodeKind, isRpjmd: true },
  severity: defaultQualitySeverity,
});

interface Case {
  name: string;
  objectives: QualityObjectiveInput[];
  context: QualityContext;
  /** Expected findings as [rule, field, part of the message]; [] = nothing to report. */
  expected: [QualityRule, string | undefined, string][];
}

const cases: Case[] = [
  // ---- NO_UNIT
  {
    name: 'NO_UNIT fires on an empty satuan',
    objectives: [objective(indicator({ name: 'Angka harapan hidup', satuan: '' }))],
    context: pk('eselon_iii'),
    expected: [['NO_UNIT', 'satuan', 'Indikator "Angka harapan hidup" belum memiliki satuan']],
  },
  {
    name: 'NO_UNIT fires on a whitespace satuan',
    objectives: [objective(indicator({ satuan: '  \t' }))],
    context: pk('eselon_iii'),
    expected: [['NO_UNIT', 'satuan', 'belum memiliki satuan']],
  },
  {
    name: 'NO_UNIT does not apply to a scale indicator',
    objectives: [
      objective(
        indicator({ method: 'scale', satuan: '', targets: [{ year: 2027, target: s('WTP') }] }),
      ),
    ],
    context: pk('kepala_pd'),
    expected: [],
  },
  // ---- TARGET_NOT_NUMBER
  {
    name: 'TARGET_NOT_NUMBER on a missing yearly target',
    objectives: [objective(indicator({ targets: years(n('1'), null, n('3'), n('4'), n('5')) }))],
    context: renstra('sasaran'),
    expected: [['TARGET_NOT_NUMBER', 'targets.2026', 'Target tahun 2026 indikator']],
  },
  {
    name: 'TARGET_NOT_NUMBER on a scale code for a ratio indicator',
    objectives: [objective(indicator({ targets: [{ year: 2027, target: s('WTP') }] }))],
    context: pk('eselon_iii'),
    expected: [['TARGET_NOT_NUMBER', 'targets.2027', 'harus berupa angka, bukan kode skala']],
  },
  {
    name: 'TARGET_NOT_NUMBER on a number for a range indicator',
    objectives: [
      objective(indicator({ method: 'range', targets: [{ year: 2027, target: n('85') }] })),
    ],
    context: pk('eselon_iii'),
    expected: [['TARGET_NOT_NUMBER', 'targets.2027', 'harus berupa rentang']],
  },
  {
    name: 'TARGET_NOT_NUMBER on a number for a scale indicator',
    objectives: [
      objective(indicator({ method: 'scale', targets: [{ year: 2027, target: n('4') }] })),
    ],
    context: pk('eselon_iii'),
    expected: [['TARGET_NOT_NUMBER', 'targets.2027', 'harus berupa kode skala, bukan angka']],
  },
  {
    name: 'TARGET_NOT_NUMBER on a range with low above high',
    objectives: [
      objective(indicator({ method: 'range', targets: [{ year: 2027, target: r('90', '80') }] })),
    ],
    context: pk('eselon_iii'),
    expected: [['TARGET_NOT_NUMBER', 'targets.2027', 'batas bawah (90) lebih besar']],
  },
  {
    name: 'TARGET_NOT_NUMBER on text where a number is expected',
    objectives: [objective(indicator({ targets: [{ year: 2027, target: n('delapan puluh') }] }))],
    context: pk('eselon_iii'),
    expected: [['TARGET_NOT_NUMBER', 'targets.2027', 'bukan angka yang valid']],
  },
  {
    name: 'TARGET_NOT_NUMBER on an end target of the wrong form',
    objectives: [objective(indicator({ targets: years(n('1'), n('2')), endTarget: s('A') }))],
    context: renstra('sasaran'),
    expected: [['TARGET_NOT_NUMBER', 'endTarget', 'Target akhir periode']],
  },
  {
    name: 'valid range and scale targets pass',
    objectives: [
      objective(
        indicator({ method: 'range', targets: [{ year: 2027, target: r('80', '90') }] }),
        indicator({ method: 'scale', satuan: '', targets: [{ year: 2027, target: s('wtp') }] }),
      ),
    ],
    context: pk('eselon_iii'),
    expected: [],
  },
  // ---- POLARITY_CONTRADICTION
  {
    name: 'POLARITY_CONTRADICTION: positive indicator going down',
    objectives: [
      objective(indicator({ targets: years(n('70'), n('72'), n('71.5'), n('75'), n('76')) })),
    ],
    context: renstra('sasaran'),
    expected: [
      [
        'POLARITY_CONTRADICTION',
        'targets.2027',
        '(71,5) lebih rendah dari target 2026 (72), padahal makin tinggi makin baik',
      ],
    ],
  },
  {
    name: 'POLARITY_CONTRADICTION: negative indicator going up',
    objectives: [
      objective(
        indicator({
          polarity: 'negative',
          method: 'inverse_difference',
          targets: years(n('9'), n('8'), n('8.5'), n('7'), n('6')),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [['POLARITY_CONTRADICTION', 'targets.2027', 'lebih tinggi dari target 2026']],
  },
  {
    name: 'POLARITY_CONTRADICTION: inverse method counts as lower-is-better',
    objectives: [objective(indicator({ method: 'inverse_ratio', targets: years(n('5'), n('6')) }))],
    context: renstra('sasaran'),
    expected: [['POLARITY_CONTRADICTION', 'targets.2026', 'polaritas negatif']],
  },
  {
    name: 'POLARITY_CONTRADICTION not fired for flat or rising positive targets',
    objectives: [
      objective(indicator({ targets: years(n('70'), n('70'), n('70.00'), n('75'), n('80')) })),
    ],
    context: renstra('sasaran'),
    expected: [],
  },
  {
    name: 'POLARITY_CONTRADICTION compares range midpoints',
    objectives: [
      objective(
        indicator({
          method: 'range',
          targets: years(r('80', '90'), r('70', '100'), r('78', '90')),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [['POLARITY_CONTRADICTION', 'targets.2027', '(78–90) lebih rendah dari target 2026']],
  },
  {
    name: 'POLARITY_CONTRADICTION skips a missing year and compares neighbours',
    objectives: [objective(indicator({ targets: years(n('10'), null, n('9')) }))],
    context: renstra('sasaran'),
    expected: [
      ['TARGET_NOT_NUMBER', 'targets.2026', 'belum diisi'],
      ['POLARITY_CONTRADICTION', 'targets.2027', 'lebih rendah dari target 2025'],
    ],
  },
  // ---- END_TARGET_NOT_REACHED
  {
    name: 'END_TARGET_NOT_REACHED: positive path ends below the end target',
    objectives: [
      objective(
        indicator({
          targets: years(n('70'), n('72'), n('74'), n('76'), n('78')),
          endTarget: n('80'),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [
      [
        'END_TARGET_NOT_REACHED',
        'endTarget',
        'Target tahun terakhir (2029: 78) indikator "Indeks kepuasan masyarakat layanan',
      ],
    ],
  },
  {
    name: 'END_TARGET_NOT_REACHED: negative path ends above the end target',
    objectives: [
      objective(
        indicator({
          polarity: 'negative',
          method: 'inverse_difference',
          targets: years(n('9'), n('8'), n('7'), n('6.5'), n('6.2')),
          endTarget: n('6'),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [['END_TARGET_NOT_REACHED', 'endTarget', 'belum mencapai target akhir periode (6)']],
  },
  {
    name: 'END_TARGET_NOT_REACHED: end target below a year of the path',
    objectives: [
      objective(
        indicator({
          targets: years(n('70'), n('90'), n('90'), n('90'), n('80')),
          endTarget: n('80'),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [
      ['POLARITY_CONTRADICTION', 'targets.2029', 'lebih rendah dari target 2028'],
      ['END_TARGET_NOT_REACHED', 'endTarget', 'lebih rendah dari target tahun 2026 (90)'],
    ],
  },
  {
    name: 'END_TARGET_NOT_REACHED not fired when the path ends on the end target',
    objectives: [
      objective(
        indicator({
          targets: years(n('0.1'), n('0.2'), n('0.3'), n('0.4'), n('0.5')),
          endTarget: n('0.50'),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [],
  },
  {
    name: 'END_TARGET_NOT_REACHED on a scale with a different last code',
    objectives: [
      objective(
        indicator({
          method: 'scale',
          targets: years(s('WDP'), s('WDP'), s('WTP'), s('WTP'), s('WDP')),
          endTarget: s('WTP'),
        }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [
      ['END_TARGET_NOT_REACHED', 'endTarget', 'berbeda dengan target akhir periode (WTP)'],
    ],
  },
  {
    name: 'END_TARGET_NOT_REACHED not fired on a scale ending on its code (any case)',
    objectives: [
      objective(
        indicator({ method: 'scale', targets: years(s('WDP'), s('wtp ')), endTarget: s('WTP') }),
      ),
    ],
    context: renstra('sasaran'),
    expected: [],
  },
  // ---- INPUT_ORIENTED
  {
    name: 'INPUT_ORIENTED: budget absorption in the PK of a head of PD',
    objectives: [objective(indicator({ name: 'Persentase Penyerapan  ANGGARAN', satuan: '%' }))],
    context: pk('kepala_pd'),
    expected: [
      [
        'INPUT_ORIENTED',
        'name',
        'mengukur masukan atau kegiatan (“penyerapan anggaran”), bukan hasil, padahal dipakai pada tingkat PK Kepala Perangkat Daerah',
      ],
    ],
  },
  {
    name: 'INPUT_ORIENTED: "jumlah kegiatan terlaksana" in the Pemda PK',
    objectives: [objective(indicator({ name: 'Jumlah kegiatan terlaksana', satuan: 'kegiatan' }))],
    context: pk('pemda'),
    expected: [['INPUT_ORIENTED', 'name', '“jumlah kegiatan”']],
  },
  {
    name: 'INPUT_ORIENTED: RPJMD sasaran with "tersusunnya dokumen"',
    objectives: [objective(indicator({ name: 'Tersusunnya dokumen perencanaan' }))],
    context: rpjmd('sasaran'),
    expected: [['INPUT_ORIENTED', 'name', 'sasaran RPJMD']],
  },
  {
    name: 'INPUT_ORIENTED: Renstra tujuan with "realisasi anggaran"',
    objectives: [objective(indicator({ name: 'Tingkat realisasi anggaran' }))],
    context: renstra('tujuan'),
    expected: [['INPUT_ORIENTED', 'name', 'tujuan Renstra']],
  },
  {
    name: 'INPUT_ORIENTED not fired in an eselon IV PK (outputs belong there)',
    objectives: [objective(indicator({ name: 'Jumlah pelatihan kader posyandu' }))],
    context: pk('eselon_iv'),
    expected: [],
  },
  {
    name: 'INPUT_ORIENTED not fired on a Renstra kegiatan',
    objectives: [objective(indicator({ name: 'Jumlah laporan keuangan' }))],
    context: renstra('kegiatan'),
    expected: [],
  },
  {
    name: 'INPUT_ORIENTED not fired on an outcome; matches whole words only',
    objectives: [
      objective(
        indicator({ name: 'Angka kematian ibu per 100.000 kelahiran hidup' }),
        indicator({ name: 'Indeks kepuasan masyarakat atas penganggaran partisipatif' }),
      ),
    ],
    context: pk('kepala_pd'),
    expected: [],
  },
  // ---- DUPLICATE_INDICATOR
  {
    name: 'DUPLICATE_INDICATOR: same name in another case and spacing, across sasaran',
    objectives: [
      objective(indicator({ key: 'a', name: 'Angka Kematian Ibu' })),
      objective(indicator({ key: 'b', name: ' angka  kematian ibu. ' })),
    ],
    context: pk('kepala_pd'),
    expected: [
      [
        'DUPLICATE_INDICATOR',
        'name',
        'Indikator "angka  kematian ibu." sama atau hampir sama dengan indikator "Angka Kematian Ibu"',
      ],
    ],
  },
  {
    name: 'DUPLICATE_INDICATOR: only filler words differ',
    objectives: [
      objective(
        indicator({ name: 'Persentase rumah tangga ber-PHBS' }),
        indicator({ name: 'Jumlah rumah tangga ber PHBS' }),
      ),
    ],
    context: pk('eselon_iii'),
    expected: [['DUPLICATE_INDICATOR', 'name', 'Persentase rumah tangga ber-PHBS']],
  },
  {
    name: 'DUPLICATE_INDICATOR: a typo away',
    objectives: [
      objective(
        indicator({ name: 'Persentase penduduk miskin perkotaan' }),
        indicator({ name: 'Persentase penduduk miskin perkotan' }),
      ),
    ],
    context: pk('eselon_iii'),
    expected: [['DUPLICATE_INDICATOR', 'name', 'hampir sama']],
  },
  {
    name: 'DUPLICATE_INDICATOR not fired on different indicators or numbers',
    objectives: [
      objective(
        indicator({ name: 'Angka kematian ibu' }),
        indicator({ name: 'Angka kematian bayi' }),
        indicator({ name: 'Persentase desa kategori 1' }),
        indicator({ name: 'Persentase desa kategori 2' }),
        indicator({ name: 'Indeks kepuasan masyarakat terhadap pelayanan kesehatan' }),
        indicator({ name: 'Indeks kepuasan masyarakat' }),
      ),
    ],
    context: pk('eselon_iii'),
    expected: [],
  },
  {
    name: 'DUPLICATE_INDICATOR: a third copy names the first, once',
    objectives: [
      objective(
        indicator({ name: 'Cakupan imunisasi dasar lengkap' }),
        indicator({ name: 'Cakupan imunisasi dasar lengkap' }),
        indicator({ name: 'cakupan imunisasi dasar lengkap' }),
      ),
    ],
    context: pk('eselon_iii'),
    expected: [
      ['DUPLICATE_INDICATOR', 'name', 'Cakupan imunisasi dasar lengkap'],
      ['DUPLICATE_INDICATOR', 'name', 'Cakupan imunisasi dasar lengkap'],
    ],
  },
  // ---- IKU_CHANGED
  {
    name: 'IKU_CHANGED: made IKU during the period',
    objectives: [objective(indicator({ isIku: true, ikuChangedAt: new Date('2026-03-01') }))],
    context: renstra('sasaran'),
    expected: [['IKU_CHANGED', 'isIku', 'ditetapkan sebagai IKU saat periode']],
  },
  {
    name: 'IKU_CHANGED: removed from IKU during the period',
    objectives: [objective(indicator({ isIku: false, ikuChangedAt: new Date('2026-03-01') }))],
    context: renstra('sasaran'),
    expected: [['IKU_CHANGED', 'isIku', 'dikeluarkan dari IKU']],
  },
  {
    name: 'IKU_CHANGED not fired on a stable IKU',
    objectives: [objective(indicator({ isIku: true, ikuChangedAt: null }))],
    context: renstra('sasaran'),
    expected: [],
  },
  // ---- SASARAN_WITHOUT_INDICATOR
  {
    name: 'SASARAN_WITHOUT_INDICATOR on a PK sasaran',
    objectives: [{ key: 'sas-1', title: 'Meningkatnya mutu layanan', indicators: [] }],
    context: pk('kepala_pd'),
    expected: [
      [
        'SASARAN_WITHOUT_INDICATOR',
        undefined,
        'Sasaran "Meningkatnya mutu layanan" belum memiliki indikator kinerja',
      ],
    ],
  },
  {
    name: 'SASARAN_WITHOUT_INDICATOR names the plan level',
    objectives: [{ key: 'prog-1', title: 'Program pemenuhan upaya kesehatan', indicators: [] }],
    context: renstra('program'),
    expected: [['SASARAN_WITHOUT_INDICATOR', undefined, 'Program "Program pemenuhan']],
  },
  {
    name: 'SASARAN_WITHOUT_INDICATOR not fired on a misi',
    objectives: [{ key: 'misi-1', title: 'Mewujudkan kota sehat', indicators: [] }],
    context: rpjmd('misi'),
    expected: [],
  },
  // ---- several at once
  {
    name: 'several findings on one indicator, in rule order',
    objectives: [
      objective(
        indicator({
          name: 'Penyerapan anggaran',
          satuan: '',
          isIku: true,
          ikuChangedAt: new Date('2026-01-01'),
          targets: years(n('95'), n('90'), s('X')),
        }),
      ),
    ],
    context: pk('kepala_pd'),
    expected: [
      ['NO_UNIT', 'satuan', 'satuan'],
      ['TARGET_NOT_NUMBER', 'targets.2027', 'harus berupa angka'],
      ['POLARITY_CONTRADICTION', 'targets.2026', 'lebih rendah'],
      ['INPUT_ORIENTED', 'name', 'penyerapan anggaran'],
      ['IKU_CHANGED', 'isIku', 'IKU'],
    ],
  },
  {
    name: 'a clean PK has no findings',
    objectives: [
      objective(
        indicator({
          name: 'Angka kematian ibu',
          satuan: 'per 100.000 KH',
          polarity: 'negative',
          method: 'inverse_difference',
        }),
        indicator({ name: 'Indeks kepuasan masyarakat', satuan: 'indeks' }),
      ),
    ],
    context: pk('kepala_pd'),
    expected: [],
  },
];

describe('checkQuality', () => {
  it.each(cases)('$name', ({ objectives, context, expected }) => {
    const findings = checkQuality(objectives, context);
    expect(findings.map((f) => [f.rule, f.field])).toEqual(
      expected.map(([rule, field]) => [rule, field]),
    );
    expected.forEach(([, , part], i) => {
      expect(findings[i]?.message).toContain(part);
      expect(findings[i]?.hint.length).toBeGreaterThan(10);
    });
  });

  it('points findings at the indicator or sasaran key', () => {
    const bad = indicator({ key: 'indikator-1', satuan: '' });
    const findings = checkQuality(
      [objective(bad), { key: 'sasaran-2', title: 'Kosong', indicators: [] }],
      pk('kepala_pd'),
    );
    expect(findings.map((f) => f.subjectKey)).toEqual(['indikator-1', 'sasaran-2']);
  });

  it('takes each severity from the tenant settings', () => {
    const allWarnings = Object.fromEntries(
      Object.keys(defaultQualitySeverity).map((rule) => [rule, 'warning']),
    ) as Record<QualityRule, QualitySeverity>;
    const input = [
      objective(indicator({ satuan: '' })),
      { key: 's', title: 'Tanpa indikator', indicators: [] },
    ];
    const strict = checkQuality(input, pk('kepala_pd'));
    expect(strict.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(hasBlockingFindings(strict)).toBe(true);

    const lenient = checkQuality(input, { ...pk('kepala_pd'), severity: allWarnings });
    expect(lenient.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(hasBlockingFindings(lenient)).toBe(false);

    const duplicateBlocks = checkQuality(
      [
        objective(
          indicator({ name: 'Angka kematian ibu' }),
          indicator({ name: 'Angka kematian ibu' }),
        ),
      ],
      { ...pk('kepala_pd'), severity: { ...allWarnings, DUPLICATE_INDICATOR: 'error' } },
    );
    expect(duplicateBlocks.map((f: QualityFinding) => [f.rule, f.severity])).toEqual([
      ['DUPLICATE_INDICATOR', 'error'],
    ]);
  });

  it('finds nothing in an empty check', () => {
    expect(checkQuality([], pk('pemda'))).toEqual([]);
    expect(hasBlockingFindings([])).toBe(false);
  });
});

describe('isNearDuplicateName', () => {
  it.each([
    ['Tingkat kemiskinan', 'Angka kemiskinan', true],
    ['Opini BPK atas LKPD', 'Opini BPK atas LKPD.', true],
    ['Angka harapan hidup', 'Angka harapan lama sekolah', false],
    ['Jumlah', 'Persentase', false],
    ['IPM', 'IPG', false],
  ] as const)('%s ~ %s → %s', (a, b, expected) => {
    expect(isNearDuplicateName(a, b)).toBe(expected);
  });
});
