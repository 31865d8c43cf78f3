/**
 * Demo data: the RPJMD 2025–2029 of the fictional "Kota Contoh" and the Renstra of every PD, as
 * plain data. Indicator names, programs and kegiatan follow the usual Indonesian nomenclature
 * (Permendagri 90/2019 codes: program 1.02.02, kegiatan 1.02.02.2.01, sub kegiatan
 * 1.02.02.2.01.0001); the figures are invented. Pure module: `planning-demo.ts` turns it into
 * rows, the unit test checks it without a database.
 */
import { Decimal } from 'decimal.js';
import type { Aggregation, CalcMethod, Polarity } from '../../shared/codes.js';
import { normalizeDecimal, type TargetValue } from '../../shared/target-value.js';

export const PERIOD = { name: 'RPJMD Kota Contoh 2025–2029', startYear: 2025, endYear: 2029 };
export const YEARS = [2025, 2026, 2027, 2028, 2029] as const;
export const BASELINE_YEAR = 2024;

export const VISI =
  'Terwujudnya Kota Contoh yang Sehat, Cerdas, Sejahtera dan Berdaya Saing Berlandaskan Tata ' +
  'Kelola Pemerintahan yang Baik';

export type ScaleKey = 'opini_bpk' | 'predikat_sakip';

export interface IndicatorDef {
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  scaleKey: ScaleKey | null;
  baseline: TargetValue;
  /** One per year of YEARS. */
  targets: TargetValue[];
  definition: string;
  formulaText: string;
  dataSource: string;
}

interface NumOptions {
  negative?: boolean;
  /** inverse_ratio instead of inverse_difference for a negative indicator. */
  ratio?: boolean;
  cumulative?: boolean;
  average?: boolean;
  max?: string;
  min?: string;
  dp?: number;
  definition?: string;
  formula?: string;
  source?: string;
}

const number = (value: string): TargetValue => ({ kind: 'number', value });

/** A numeric indicator: baseline `base`, then `base + step × n` for 2025…2029 (capped). */
export function num(
  name: string,
  satuan: string,
  base: string,
  step: string,
  opts: NumOptions = {},
): IndicatorDef {
  const dp = opts.dp ?? Math.max(decimals(base), decimals(step));
  const targets = YEARS.map((_, i) => {
    let v = new Decimal(base).plus(new Decimal(step).times(i + 1));
    if (opts.max !== undefined && v.greaterThan(opts.max)) v = new Decimal(opts.max);
    if (opts.min !== undefined && v.lessThan(opts.min)) v = new Decimal(opts.min);
    return number(normalizeDecimal(v.toFixed(dp)));
  });
  const negative = opts.negative === true;
  return {
    name,
    satuan,
    polarity: negative ? 'negative' : 'positive',
    method: negative ? (opts.ratio ? 'inverse_ratio' : 'inverse_difference') : 'ratio',
    aggregation: opts.cumulative ? 'cumulative' : opts.average ? 'average' : 'last',
    scaleKey: null,
    baseline: number(normalizeDecimal(new Decimal(base).toFixed(dp))),
    targets,
    definition: opts.definition ?? '',
    formulaText: opts.formula ?? '',
    dataSource: opts.source ?? '',
  };
}

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function scale(
  name: string,
  key: ScaleKey,
  baseline: string,
  targets: string[],
  extra: Partial<IndicatorDef> = {},
): IndicatorDef {
  return {
    name,
    satuan: key === 'opini_bpk' ? 'opini' : 'predikat',
    polarity: 'positive',
    method: 'scale',
    aggregation: 'last',
    scaleKey: key,
    baseline: { kind: 'scale', code: baseline },
    targets: targets.map((code) => ({ kind: 'scale', code })),
    definition: '',
    formulaText: '',
    dataSource: '',
    ...extra,
  };
}

function range(
  name: string,
  satuan: string,
  baseline: string,
  targets: [string, string][],
  extra: Partial<IndicatorDef> = {},
): IndicatorDef {
  return {
    name,
    satuan,
    polarity: 'positive',
    method: 'range',
    aggregation: 'last',
    scaleKey: null,
    baseline: number(baseline),
    targets: targets.map(([low, high]) => ({ kind: 'range', low, high })),
    definition: '',
    formulaText: '',
    dataSource: '',
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// RPJMD
// ---------------------------------------------------------------------------------------------

export type RpjmdKey =
  | 'S01'
  | 'S02'
  | 'S03'
  | 'S04'
  | 'S05'
  | 'S06'
  | 'S07'
  | 'S08'
  | 'S09'
  | 'S10'
  | 'S11'
  | 'S12';

export interface RpjmdSasaran {
  key: RpjmdKey;
  title: string;
  indicators: IndicatorDef[];
  /** Code of the PD answerable for the indicators (Manual IKU), matched on unit code. */
  responsible: string;
}
export interface RpjmdTujuan {
  title: string;
  sasaran: RpjmdSasaran[];
}
export interface RpjmdMisi {
  title: string;
  tujuan: RpjmdTujuan[];
}

const BPS = 'Badan Pusat Statistik Kota Contoh';

export const RPJMD: RpjmdMisi[] = [
  {
    title:
      'Meningkatkan kualitas sumber daya manusia yang sehat, cerdas, berkarakter dan berdaya saing',
    tujuan: [
      {
        title: 'Meningkatkan kualitas kesehatan dan pendidikan masyarakat',
        sasaran: [
          {
            key: 'S01',
            title: 'Meningkatnya derajat kesehatan masyarakat',
            responsible: 'Dinas Kesehatan',
            indicators: [
              num('Usia Harapan Hidup', 'tahun', '72.35', '0.15', {
                definition:
                  'Rata-rata tahun hidup yang akan dijalani bayi yang lahir pada suatu tahun.',
                source: BPS,
              }),
              num('Prevalensi Stunting pada Balita', 'persen', '18.4', '-1.2', {
                negative: true,
                definition: 'Persentase balita dengan tinggi badan menurut umur di bawah −2 SD.',
                formula: 'Jumlah balita stunting ÷ jumlah balita yang diukur × 100%',
                source: 'Survei Status Gizi Indonesia; e-PPGBM Dinas Kesehatan',
              }),
            ],
          },
          {
            key: 'S02',
            title: 'Meningkatnya akses dan mutu pendidikan masyarakat',
            responsible: 'Dinas Pendidikan dan Kebudayaan',
            indicators: [
              num('Rata-rata Lama Sekolah', 'tahun', '11.02', '0.08', { source: BPS }),
              num('Harapan Lama Sekolah', 'tahun', '14.21', '0.05', { source: BPS }),
            ],
          },
        ],
      },
      {
        title: 'Meningkatkan kualitas hidup dan kesejahteraan sosial masyarakat',
        sasaran: [
          {
            key: 'S03',
            title: 'Meningkatnya kualitas pembangunan manusia dan kesetaraan gender',
            responsible: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
            indicators: [
              num('Indeks Pembangunan Manusia', 'poin', '79.12', '0.45', {
                definition:
                  'Indeks komposit umur panjang dan hidup sehat, pengetahuan, dan standar hidup layak.',
                formula: '(Indeks Kesehatan × Indeks Pendidikan × Indeks Pengeluaran)^(1/3) × 100',
                source: BPS,
              }),
              num('Indeks Pembangunan Gender', 'poin', '94.1', '0.3', { source: BPS }),
            ],
          },
          {
            key: 'S04',
            title: 'Menurunnya angka kemiskinan dan meningkatnya perlindungan sosial',
            responsible: 'Dinas Sosial',
            indicators: [
              num('Angka Kemiskinan', 'persen', '6.85', '-0.3', {
                negative: true,
                definition: 'Persentase penduduk yang berada di bawah garis kemiskinan.',
                formula: 'Jumlah penduduk miskin ÷ jumlah penduduk × 100%',
                source: BPS,
              }),
            ],
          },
        ],
      },
    ],
  },
  {
    title:
      'Meningkatkan pertumbuhan ekonomi yang inklusif dan berdaya saing berbasis potensi lokal',
    tujuan: [
      {
        title: 'Meningkatkan pertumbuhan ekonomi daerah yang inklusif',
        sasaran: [
          {
            key: 'S05',
            title: 'Meningkatnya pertumbuhan ekonomi dan kesempatan kerja',
            responsible: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
            indicators: [
              num('Laju Pertumbuhan Ekonomi', 'persen', '5.45', '0.1', { source: BPS }),
              num('Tingkat Pengangguran Terbuka', 'persen', '6.92', '-0.25', {
                negative: true,
                source: 'Survei Angkatan Kerja Nasional (BPS)',
              }),
            ],
          },
        ],
      },
      {
        title: 'Mewujudkan ketahanan pangan daerah',
        sasaran: [
          {
            key: 'S06',
            title: 'Meningkatnya ketahanan pangan dan produktivitas sektor primer',
            responsible: 'Dinas Ketahanan Pangan dan Pertanian',
            indicators: [
              num('Skor Pola Pangan Harapan', 'poin', '86.4', '1.2', {
                source: 'Dinas Ketahanan Pangan dan Pertanian',
              }),
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'Mewujudkan infrastruktur kota dan lingkungan hidup yang berkualitas dan berkelanjutan',
    tujuan: [
      {
        title: 'Meningkatkan kualitas infrastruktur dan penataan ruang kota',
        sasaran: [
          {
            key: 'S07',
            title: 'Meningkatnya kualitas infrastruktur dan penataan ruang kota',
            responsible: 'Dinas Pekerjaan Umum dan Penataan Ruang',
            indicators: [
              num('Persentase Jalan Kota dalam Kondisi Mantap', 'persen', '78.5', '2.5', {
                formula: 'Panjang jalan kondisi baik dan sedang ÷ panjang jalan kota × 100%',
                source: 'Dinas Pekerjaan Umum dan Penataan Ruang',
              }),
            ],
          },
        ],
      },
      {
        title: 'Mewujudkan lingkungan hidup yang lestari dan kota yang tangguh bencana',
        sasaran: [
          {
            key: 'S08',
            title: 'Meningkatnya kualitas lingkungan hidup dan ketangguhan terhadap bencana',
            responsible: 'Dinas Lingkungan Hidup',
            indicators: [
              num('Indeks Kualitas Lingkungan Hidup', 'poin', '68.2', '0.6', {
                source: 'Kementerian Lingkungan Hidup dan Kehutanan',
              }),
              num('Indeks Risiko Bencana', 'poin', '118.4', '-3', {
                negative: true,
                source: 'Badan Nasional Penanggulangan Bencana',
              }),
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'Mewujudkan tata kelola pemerintahan yang baik, bersih dan melayani',
    tujuan: [
      {
        title: 'Mewujudkan tata kelola pemerintahan yang akuntabel',
        sasaran: [
          {
            key: 'S09',
            title: 'Meningkatnya akuntabilitas kinerja dan keuangan pemerintah daerah',
            responsible: 'Sekretariat Daerah',
            indicators: [
              scale(
                'Opini BPK atas LKPD',
                'opini_bpk',
                'WTP',
                ['WTP', 'WTP', 'WTP', 'WTP', 'WTP'],
                {
                  definition:
                    'Opini Badan Pemeriksa Keuangan atas Laporan Keuangan Pemerintah Daerah.',
                  dataSource: 'Laporan Hasil Pemeriksaan BPK RI',
                },
              ),
              scale('Nilai SAKIP', 'predikat_sakip', 'B', ['BB', 'BB', 'A', 'A', 'A'], {
                definition: 'Predikat hasil evaluasi SAKIP oleh Kementerian PANRB.',
                dataSource: 'Laporan Hasil Evaluasi SAKIP Kementerian PANRB',
              }),
            ],
          },
          {
            key: 'S11',
            title: 'Meningkatnya kemandirian keuangan daerah',
            responsible: 'Badan Pendapatan Daerah',
            indicators: [
              num(
                'Rasio Pendapatan Asli Daerah terhadap Total Pendapatan Daerah',
                'persen',
                '21.4',
                '1.1',
                { source: 'Laporan Realisasi Anggaran' },
              ),
            ],
          },
        ],
      },
      {
        title: 'Meningkatkan kualitas pelayanan publik serta ketenteraman dan ketertiban umum',
        sasaran: [
          {
            key: 'S10',
            title: 'Meningkatnya kualitas pelayanan publik',
            responsible: 'Sekretariat Daerah',
            indicators: [
              range(
                'Indeks Kepuasan Masyarakat',
                'poin',
                '79.4',
                [
                  ['80', '85'],
                  ['81', '86'],
                  ['82', '87'],
                  ['83', '88'],
                  ['85', '90'],
                ],
                {
                  definition:
                    'Hasil survei kepuasan masyarakat atas pelayanan publik (PermenPAN-RB 14/2017).',
                  dataSource: 'Survei Kepuasan Masyarakat Bagian Organisasi',
                },
              ),
            ],
          },
          {
            key: 'S12',
            title: 'Meningkatnya ketenteraman, ketertiban umum dan kondusivitas daerah',
            responsible: 'Satuan Polisi Pamong Praja',
            indicators: [
              num('Persentase Penyelesaian Pelanggaran Peraturan Daerah', 'persen', '80', '3', {
                max: '100',
                source: 'Satuan Polisi Pamong Praja',
              }),
            ],
          },
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Renstra
// ---------------------------------------------------------------------------------------------

/** Who answers for an indicator: a unit by name inside the PD, or null for the PD itself. */
export interface Assigned {
  unit: string | null;
  indicator: IndicatorDef;
}

export interface KegiatanSpec {
  /** `2.01` — appended to the program code. */
  code: string;
  name: string;
  /** The kegiatan's sasaran as written in an eselon IV PK. */
  objective: string;
  outputs: Assigned[];
  subs: { code: string; name: string }[];
}

export interface ProgramSpec {
  /** `02` — appended to the urusan code. */
  code: string;
  name: string;
  /** The program's sasaran as written in an eselon III PK. */
  objective: string;
  outcomes: Assigned[];
  kegiatan: KegiatanSpec[];
}

export interface SasaranSpec {
  title: string;
  supports: RpjmdKey | null;
  indicators: IndicatorDef[];
  programs: ProgramSpec[];
}

export interface RenstraSpec {
  /** Name of the top-level unit (PD). */
  unitName: string;
  /** Urusan / bidang urusan code, e.g. `1.02`. */
  urusan: string;
  tujuan: { title: string; sasaran: SasaranSpec[] }[];
}

const pct = (name: string, base: string, step: string, opts: NumOptions = {}) =>
  num(name, 'persen', base, step, { max: '100', ...opts });

/** Dinas Kesehatan, written out in full: the browser journey drafts its head's PK from it. */
export const DINKES: RenstraSpec = {
  unitName: 'Dinas Kesehatan',
  urusan: '1.02',
  tujuan: [
    {
      title: 'Meningkatkan derajat kesehatan masyarakat Kota Contoh',
      sasaran: [
        {
          title: 'Meningkatnya status kesehatan ibu, anak dan gizi masyarakat',
          supports: 'S01',
          indicators: [
            num('Angka Kematian Ibu', 'per 100.000 kelahiran hidup', '98', '-3', {
              negative: true,
              definition:
                'Kematian ibu selama kehamilan, persalinan dan nifas per 100.000 kelahiran hidup.',
              formula: 'Jumlah kematian ibu ÷ jumlah kelahiran hidup × 100.000',
              source: 'Laporan Kesehatan Keluarga Dinas Kesehatan',
            }),
            pct('Prevalensi Stunting pada Balita', '18.4', '-1.2', {
              negative: true,
              formula: 'Jumlah balita stunting ÷ jumlah balita yang diukur × 100%',
              source: 'e-PPGBM Dinas Kesehatan',
            }),
          ],
          programs: [
            {
              code: '02',
              name: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
              objective: 'Meningkatnya cakupan dan mutu upaya kesehatan perorangan dan masyarakat',
              outcomes: [
                {
                  unit: 'Bidang Kesehatan Masyarakat',
                  indicator: pct(
                    'Persentase Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar',
                    '91',
                    '2',
                  ),
                },
                {
                  unit: 'Bidang Pencegahan dan Pengendalian Penyakit',
                  indicator: pct(
                    'Persentase Orang Terduga Tuberkulosis yang Mendapatkan Pelayanan Sesuai Standar',
                    '82',
                    '3',
                  ),
                },
                {
                  unit: 'Bidang Pelayanan dan Sumber Daya Kesehatan',
                  indicator: pct(
                    'Persentase Fasilitas Pelayanan Kesehatan yang Memenuhi Standar Pelayanan',
                    '70',
                    '5',
                  ),
                },
              ],
              kegiatan: [
                {
                  code: '2.01',
                  name: 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota',
                  objective:
                    'Tersedianya fasilitas pelayanan kesehatan dasar yang memenuhi standar',
                  outputs: [
                    {
                      unit: 'Seksi Pelayanan Kesehatan Primer dan Rujukan',
                      indicator: pct(
                        'Persentase Puskesmas dengan Sarana, Prasarana dan Alat Kesehatan Sesuai Standar',
                        '60',
                        '8',
                      ),
                    },
                    {
                      unit: 'Seksi Kefarmasian dan Alat Kesehatan',
                      indicator: pct(
                        'Persentase Puskesmas dengan Ketersediaan Obat Esensial',
                        '85',
                        '3',
                      ),
                    },
                  ],
                  subs: [
                    { code: '0012', name: 'Pengembangan Puskesmas' },
                    {
                      code: '0020',
                      name: 'Pengadaan Obat, Bahan Habis Pakai, Bahan Medis Habis Pakai, Vaksin, Makanan dan Minuman di Fasilitas Kesehatan',
                    },
                    {
                      code: '0014',
                      name: 'Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan',
                    },
                  ],
                },
                {
                  code: '2.02',
                  name: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
                  objective:
                    'Terselenggaranya pelayanan kesehatan masyarakat sesuai standar pelayanan minimal',
                  outputs: [
                    {
                      unit: 'Seksi Kesehatan Keluarga dan Gizi',
                      indicator: pct(
                        'Persentase Balita Gizi Kurang yang Mendapatkan Makanan Tambahan',
                        '85',
                        '3',
                      ),
                    },
                    {
                      unit: 'Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga',
                      indicator: pct(
                        'Persentase Kelurahan Stop Buang Air Besar Sembarangan',
                        '55',
                        '9',
                      ),
                    },
                    {
                      unit: 'Seksi Surveilans dan Imunisasi',
                      indicator: pct(
                        'Persentase Bayi Usia 0–11 Bulan yang Mendapat Imunisasi Dasar Lengkap',
                        '88',
                        '2',
                      ),
                    },
                    {
                      unit: 'Seksi Pencegahan dan Pengendalian Penyakit Menular',
                      indicator: pct(
                        'Persentase Penderita Tuberkulosis yang Diobati Sesuai Standar',
                        '84',
                        '3',
                      ),
                    },
                    {
                      unit: 'Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa',
                      indicator: pct(
                        'Persentase Penderita Hipertensi yang Mendapat Pelayanan Kesehatan Sesuai Standar',
                        '62',
                        '6',
                      ),
                    },
                  ],
                  subs: [
                    { code: '0001', name: 'Pengelolaan Pelayanan Kesehatan Ibu Hamil' },
                    { code: '0004', name: 'Pengelolaan Pelayanan Kesehatan Balita' },
                    { code: '0007', name: 'Pengelolaan Pelayanan Kesehatan Penderita Hipertensi' },
                    {
                      code: '0011',
                      name: 'Pengelolaan Pelayanan Kesehatan Orang Terduga Tuberkulosis',
                    },
                    { code: '0015', name: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat' },
                    { code: '0017', name: 'Pengelolaan Pelayanan Kesehatan Lingkungan' },
                    { code: '0020', name: 'Pengelolaan Pelayanan Imunisasi' },
                  ],
                },
                {
                  code: '2.03',
                  name: 'Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi',
                  objective: 'Tersedianya data dan informasi kesehatan yang terintegrasi',
                  outputs: [],
                  subs: [{ code: '0001', name: 'Pengelolaan Data dan Informasi Kesehatan' }],
                },
              ],
            },
          ],
        },
        {
          title: 'Menurunnya angka kesakitan penyakit menular dan tidak menular',
          supports: 'S01',
          indicators: [
            pct('Angka Keberhasilan Pengobatan Tuberkulosis (Success Rate)', '86', '1.5', {
              formula: 'Pasien TB sembuh dan pengobatan lengkap ÷ pasien TB yang diobati × 100%',
              source: 'Sistem Informasi Tuberkulosis (SITB)',
            }),
            pct('Persentase Rumah Tangga Berperilaku Hidup Bersih dan Sehat', '68', '3', {
              source: 'Survei PHBS Dinas Kesehatan',
            }),
          ],
          programs: [
            {
              code: '05',
              name: 'PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN',
              objective: 'Meningkatnya peran serta masyarakat dalam upaya kesehatan',
              outcomes: [
                {
                  unit: 'Bidang Kesehatan Masyarakat',
                  indicator: pct('Persentase Kelurahan Siaga Aktif Mandiri', '35', '8'),
                },
              ],
              kegiatan: [
                {
                  code: '2.01',
                  name: 'Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor Tingkat Daerah Kabupaten/Kota',
                  objective:
                    'Meningkatnya kemitraan dan peran serta masyarakat di bidang kesehatan',
                  outputs: [
                    {
                      unit: 'Seksi Promosi dan Pemberdayaan Masyarakat',
                      indicator: num('Jumlah Posyandu Aktif yang Dibina', 'posyandu', '120', '8', {
                        cumulative: false,
                      }),
                    },
                  ],
                  subs: [
                    {
                      code: '0001',
                      name: 'Peningkatan Upaya Advokasi Kesehatan, Pemberdayaan, Penggalangan Kemitraan, Peran Serta Masyarakat dan Lintas Sektor Tingkat Daerah Kabupaten/Kota',
                    },
                  ],
                },
                {
                  code: '2.02',
                  name: 'Pelaksanaan Sehat dalam rangka Promotif Preventif Tingkat Daerah Kabupaten/Kota',
                  objective: 'Terlaksananya gerakan masyarakat hidup sehat',
                  outputs: [],
                  subs: [
                    {
                      code: '0001',
                      name: 'Penyelenggaraan Promosi Kesehatan dan Gerakan Hidup Bersih dan Sehat',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      title: 'Meningkatkan mutu dan akses pelayanan kesehatan',
      sasaran: [
        {
          title: 'Meningkatnya mutu dan akses pelayanan kesehatan dasar dan rujukan',
          supports: 'S01',
          indicators: [
            pct('Persentase Puskesmas Terakreditasi Paripurna', '25', '25', {
              source: 'Komisi Akreditasi Fasilitas Kesehatan Tingkat Pertama',
            }),
            num('Indeks Kepuasan Masyarakat terhadap Pelayanan Puskesmas', 'poin', '81.2', '0.8', {
              source: 'Survei Kepuasan Masyarakat Dinas Kesehatan',
            }),
          ],
          programs: [
            {
              code: '03',
              name: 'PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN',
              objective: 'Terpenuhinya sumber daya manusia kesehatan sesuai standar',
              outcomes: [
                {
                  unit: 'Bidang Pelayanan dan Sumber Daya Kesehatan',
                  indicator: pct(
                    'Persentase Puskesmas dengan Sembilan Jenis Tenaga Kesehatan Sesuai Standar',
                    '50',
                    '12.5',
                  ),
                },
              ],
              kegiatan: [
                {
                  code: '2.02',
                  name: 'Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan untuk UKP dan UKM di Wilayah Kabupaten/Kota',
                  objective:
                    'Terpenuhinya kebutuhan tenaga kesehatan di fasilitas pelayanan kesehatan',
                  outputs: [
                    {
                      unit: 'Seksi Sumber Daya Manusia Kesehatan',
                      indicator: pct(
                        'Persentase Tenaga Kesehatan yang Memenuhi Standar Kompetensi',
                        '72',
                        '5',
                      ),
                    },
                  ],
                  subs: [
                    {
                      code: '0001',
                      name: 'Pemenuhan Kebutuhan Sumber Daya Manusia Kesehatan sesuai Standar',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** The supporting program every PD has (Permendagri 90: `<urusan>.01`), with its usual kegiatan. */
export function penunjangProgram(
  pdShortName: string,
  sekretariat: string | null,
  subbag: string[],
): ProgramSpec {
  const kegiatan: KegiatanSpec[] = [
    {
      code: '2.01',
      name: 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah',
      objective: 'Tersusunnya dokumen perencanaan dan laporan kinerja perangkat daerah tepat waktu',
      outputs: [],
      subs: [
        { code: '0001', name: 'Penyusunan Dokumen Perencanaan Perangkat Daerah' },
        { code: '0007', name: 'Evaluasi Kinerja Perangkat Daerah' },
      ],
    },
    {
      code: '2.02',
      name: 'Administrasi Keuangan Perangkat Daerah',
      objective: 'Terselenggaranya administrasi keuangan perangkat daerah yang tertib',
      outputs: [],
      subs: [
        { code: '0001', name: 'Penyediaan Gaji dan Tunjangan ASN' },
        { code: '0005', name: 'Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD' },
      ],
    },
    {
      code: '2.06',
      name: 'Administrasi Umum Perangkat Daerah',
      objective: 'Terpenuhinya layanan administrasi umum dan kepegawaian perangkat daerah',
      outputs: [],
      subs: [
        { code: '0002', name: 'Penyediaan Peralatan dan Perlengkapan Kantor' },
        { code: '0009', name: 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD' },
      ],
    },
  ];
  const byTopic: [RegExp, number, IndicatorDef][] = [
    [
      /Perencanaan|Program|Evaluasi/,
      0,
      pct('Persentase Dokumen Perencanaan dan Laporan Kinerja yang Disusun Tepat Waktu', '90', '2'),
    ],
    [/Keuangan/, 1, pct('Persentase Laporan Keuangan yang Disusun Tepat Waktu', '95', '1')],
    [
      /.*/,
      2,
      pct('Persentase Layanan Administrasi Umum dan Kepegawaian yang Terpenuhi', '90', '2'),
    ],
  ];
  for (const unit of subbag) {
    const [, index, indicator] = byTopic.find(([re]) => re.test(unit)) ?? byTopic[2]!;
    const target = kegiatan[index]!;
    const taken = target.outputs.some((o) => o.indicator.name === indicator.name);
    target.outputs.push({ unit, indicator: taken ? topicIndicator(unit, index) : indicator });
  }
  return {
    code: '01',
    name: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA',
    objective: `Meningkatnya kualitas tata kelola dan akuntabilitas kinerja ${pdShortName}`,
    outcomes: [
      {
        unit: sekretariat,
        indicator: num(
          'Nilai Evaluasi Akuntabilitas Kinerja Internal Perangkat Daerah',
          'nilai',
          '68',
          '2.5',
          { source: 'Laporan Hasil Evaluasi AKIP Inspektorat' },
        ),
      },
    ],
    kegiatan,
  };
}

/** "Seksi Pelatihan Kerja" → "Pelatihan Kerja". */
export function topicOf(unitName: string): string {
  return unitName.replace(
    /^(Seksi|Subbagian|Subbidang|Bidang|Bagian|UPT|Inspektur Pembantu)\s+/,
    '',
  );
}

/** An output indicator named after the unit's field, in one of three usual shapes. */
export function topicIndicator(unitName: string, variant: number): IndicatorDef {
  const topic = topicOf(unitName);
  switch (variant % 3) {
    case 0:
      return pct(`Persentase Layanan ${topic} yang Diselesaikan Sesuai Standar`, '85', '2.5');
    case 1:
      return num(`Jumlah Laporan Hasil Pelaksanaan ${topic}`, 'laporan', '4', '0', {
        cumulative: true,
      });
    default:
      return pct(`Tingkat Ketepatan Waktu Penyelesaian Layanan ${topic}`, '80', '3');
  }
}

/** Short form of one PD's Renstra; `expandProfile` turns it into a RenstraSpec. */
export interface PdProfile {
  unitName: string;
  urusan: string;
  tujuan: string;
  sasaran: { title: string; supports: RpjmdKey | null; indicators: IndicatorDef[] }[];
  /** Technical programs: code, name, objective, outcome indicator, kegiatan names. */
  programs: [
    code: string,
    name: string,
    objective: string,
    outcome: IndicatorDef,
    kegiatan: string[],
  ][];
}

const s = (title: string, supports: RpjmdKey | null, ...indicators: IndicatorDef[]) => ({
  title,
  supports,
  indicators,
});

export const PROFILES: PdProfile[] = [
  {
    unitName: 'Sekretariat Daerah',
    urusan: '4.01',
    tujuan: 'Meningkatkan kualitas tata kelola pemerintahan daerah',
    sasaran: [
      s(
        'Meningkatnya kualitas tata kelola dan reformasi birokrasi',
        'S09',
        num('Indeks Reformasi Birokrasi', 'nilai', '62.5', '2.5', {
          source: 'Laporan Hasil Evaluasi RB Kementerian PANRB',
        }),
      ),
      s(
        'Meningkatnya kualitas koordinasi kebijakan pemerintahan dan kesejahteraan rakyat',
        'S10',
        pct('Persentase Rekomendasi Kebijakan yang Ditindaklanjuti Perangkat Daerah', '70', '5'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT',
        'Meningkatnya kualitas penyelenggaraan pemerintahan, hukum dan kesejahteraan rakyat',
        pct('Persentase Produk Hukum Daerah yang Ditetapkan Tepat Waktu', '80', '4'),
        [
          'Pelaksanaan Kebijakan Kesejahteraan Rakyat',
          'Fasilitasi dan Koordinasi Hukum',
          'Pelaksanaan Administrasi Pemerintahan dan Otonomi Daerah',
        ],
      ],
      [
        '03',
        'PROGRAM PEREKONOMIAN DAN PEMBANGUNAN',
        'Meningkatnya kualitas koordinasi perekonomian, pembangunan dan pengadaan',
        pct('Persentase Paket Pengadaan yang Selesai Tepat Waktu', '85', '3'),
        [
          'Pelaksanaan Kebijakan Perekonomian',
          'Pengelolaan Pengadaan Barang dan Jasa',
          'Pelaksanaan Administrasi Pembangunan',
        ],
      ],
    ],
  },
  {
    unitName: 'Sekretariat DPRD',
    urusan: '4.02',
    tujuan: 'Meningkatkan kualitas pelaksanaan fungsi DPRD',
    sasaran: [
      s(
        'Meningkatnya kualitas fasilitasi fungsi legislasi, anggaran dan pengawasan DPRD',
        'S09',
        pct('Persentase Rancangan Peraturan Daerah yang Dibahas Tepat Waktu', '75', '5'),
      ),
      s(
        'Meningkatnya kualitas layanan administrasi kepada anggota DPRD',
        'S10',
        num('Indeks Kepuasan Anggota DPRD terhadap Layanan Sekretariat', 'poin', '78', '1.5'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD',
        'Meningkatnya kualitas dukungan pelaksanaan tugas dan fungsi DPRD',
        pct('Persentase Agenda Persidangan DPRD yang Terfasilitasi', '90', '2'),
        [
          'Pembentukan Peraturan Daerah dan Peraturan DPRD',
          'Pembahasan Kebijakan Anggaran',
          'Fasilitasi Tugas DPRD',
        ],
      ],
    ],
  },
  {
    unitName: 'Inspektorat Daerah',
    urusan: '6.01',
    tujuan: 'Meningkatkan kualitas pengawasan internal pemerintah daerah',
    sasaran: [
      s(
        'Meningkatnya kapabilitas pengawasan internal',
        'S09',
        num('Level Kapabilitas APIP', 'level', '3', '0.2', { dp: 1, max: '4' }),
        num('Nilai Maturitas Penyelenggaraan SPIP', 'nilai', '3.2', '0.15'),
      ),
      s(
        'Meningkatnya tindak lanjut hasil pemeriksaan',
        'S09',
        pct('Persentase Rekomendasi Hasil Pemeriksaan yang Ditindaklanjuti', '78', '4'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENYELENGGARAAN PENGAWASAN',
        'Meningkatnya kualitas pengawasan internal atas penyelenggaraan pemerintahan daerah',
        pct('Persentase Objek Pengawasan yang Diperiksa Sesuai Rencana', '88', '3'),
        [
          'Penyelenggaraan Pengawasan Internal',
          'Penyelenggaraan Pengawasan dengan Tujuan Tertentu',
        ],
      ],
      [
        '03',
        'PROGRAM PERUMUSAN KEBIJAKAN, PENDAMPINGAN DAN ASISTENSI',
        'Meningkatnya kualitas pendampingan dan asistensi pengawasan',
        pct('Persentase Perangkat Daerah yang Mendapat Pendampingan Manajemen Risiko', '40', '12'),
        ['Pendampingan, Asistensi dan Verifikasi'],
      ],
    ],
  },
  {
    unitName: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
    urusan: '5.01',
    tujuan: 'Meningkatkan kualitas perencanaan pembangunan daerah',
    sasaran: [
      s(
        'Meningkatnya kualitas dan konsistensi perencanaan pembangunan daerah',
        'S09',
        pct('Persentase Konsistensi Program RKPD dengan RPJMD', '88', '2'),
      ),
      s(
        'Meningkatnya pemanfaatan hasil penelitian dan inovasi daerah',
        'S05',
        num('Indeks Inovasi Daerah', 'nilai', '48', '4'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH',
        'Meningkatnya kualitas perencanaan, pengendalian dan evaluasi pembangunan daerah',
        pct('Persentase Dokumen Perencanaan Daerah yang Ditetapkan Tepat Waktu', '85', '3'),
        [
          'Penyusunan Perencanaan dan Pendanaan',
          'Analisis Data dan Informasi Perencanaan Pembangunan Daerah',
          'Pengendalian, Evaluasi dan Pelaporan Pembangunan Daerah',
        ],
      ],
      [
        '03',
        'PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH',
        'Meningkatnya sinkronisasi perencanaan pembangunan antarbidang',
        pct('Persentase Usulan Musrenbang yang Diakomodasi dalam RKPD', '55', '3'),
        [
          'Koordinasi Perencanaan Bidang Pemerintahan dan Pembangunan Manusia',
          'Koordinasi Perencanaan Bidang Perekonomian dan Infrastruktur',
        ],
      ],
      [
        '05',
        'PROGRAM PENELITIAN DAN PENGEMBANGAN DAERAH',
        'Meningkatnya hasil penelitian dan inovasi yang dimanfaatkan',
        pct('Persentase Rekomendasi Hasil Kajian yang Dimanfaatkan', '50', '5'),
        [
          'Penelitian dan Pengembangan Pemerintahan dan Pembangunan Manusia',
          'Pengembangan Inovasi dan Teknologi',
        ],
      ],
    ],
  },
  {
    unitName: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    urusan: '5.02',
    tujuan: 'Mewujudkan pengelolaan keuangan dan aset daerah yang akuntabel',
    sasaran: [
      s(
        'Meningkatnya akuntabilitas pengelolaan keuangan daerah',
        'S09',
        scale('Opini BPK atas LKPD', 'opini_bpk', 'WTP', ['WTP', 'WTP', 'WTP', 'WTP', 'WTP'], {
          dataSource: 'Laporan Hasil Pemeriksaan BPK RI',
        }),
      ),
      s(
        'Meningkatnya tertib administrasi aset daerah',
        'S09',
        pct('Persentase Aset Daerah yang Bersertifikat dan Tercatat', '72', '5'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENGELOLAAN KEUANGAN DAERAH',
        'Meningkatnya kualitas pengelolaan keuangan daerah',
        pct('Persentase Dokumen Anggaran yang Ditetapkan Tepat Waktu', '90', '2'),
        [
          'Koordinasi dan Penyusunan Rencana Anggaran Daerah',
          'Koordinasi dan Pengelolaan Perbendaharaan Daerah',
          'Koordinasi dan Pelaksanaan Akuntansi dan Pelaporan Keuangan Daerah',
        ],
      ],
      [
        '03',
        'PROGRAM PENGELOLAAN BARANG MILIK DAERAH',
        'Meningkatnya tertib pengelolaan barang milik daerah',
        pct('Persentase Barang Milik Daerah yang Tercatat dan Dinilai', '80', '4'),
        ['Pengelolaan Barang Milik Daerah', 'Pengamanan Barang Milik Daerah'],
      ],
    ],
  },
  {
    unitName: 'Badan Pendapatan Daerah',
    urusan: '5.02',
    tujuan: 'Meningkatkan pendapatan asli daerah',
    sasaran: [
      s(
        'Meningkatnya pendapatan asli daerah',
        'S11',
        pct('Persentase Realisasi Pendapatan Asli Daerah terhadap Target', '97', '0.5'),
        num('Pertumbuhan Penerimaan Pajak Daerah', 'persen', '8', '0.5'),
      ),
    ],
    programs: [
      [
        '04',
        'PROGRAM PENGELOLAAN PENDAPATAN DAERAH',
        'Meningkatnya efektivitas pemungutan pajak daerah',
        pct('Persentase Wajib Pajak yang Membayar Tepat Waktu', '70', '3'),
        [
          'Pengelolaan Pendapatan Daerah',
          'Penagihan dan Pelayanan Keberatan Pajak Daerah',
          'Pengelolaan Pajak Bumi dan Bangunan dan BPHTB',
        ],
      ],
    ],
  },
  {
    unitName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    urusan: '5.03',
    tujuan: 'Meningkatkan profesionalisme aparatur sipil negara',
    sasaran: [
      s(
        'Meningkatnya profesionalitas dan kinerja ASN',
        'S09',
        num('Indeks Profesionalitas ASN', 'nilai', '68', '2'),
        num('Indeks Sistem Merit', 'nilai', '0.62', '0.04'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM KEPEGAWAIAN DAERAH',
        'Meningkatnya kualitas manajemen ASN',
        pct('Persentase Layanan Kepegawaian yang Diselesaikan Tepat Waktu', '85', '3'),
        [
          'Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN',
          'Mutasi dan Pengembangan Karier',
          'Penilaian dan Evaluasi Kinerja Aparatur',
        ],
      ],
      [
        '03',
        'PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA',
        'Meningkatnya kompetensi ASN',
        pct(
          'Persentase ASN yang Memenuhi Standar 20 Jam Pelajaran Pengembangan Kompetensi',
          '60',
          '8',
        ),
        ['Pengembangan Kompetensi Teknis', 'Pengembangan Kompetensi Manajerial'],
      ],
    ],
  },
  {
    unitName: 'Badan Penanggulangan Bencana Daerah',
    urusan: '1.05',
    tujuan: 'Meningkatkan ketangguhan kota terhadap bencana',
    sasaran: [
      s(
        'Meningkatnya ketangguhan masyarakat menghadapi bencana',
        'S08',
        pct('Persentase Kelurahan Tangguh Bencana', '20', '8'),
      ),
      s(
        'Meningkatnya kecepatan penanganan darurat bencana',
        'S08',
        pct('Persentase Kejadian Bencana yang Ditangani dalam 24 Jam', '85', '3'),
      ),
    ],
    programs: [
      [
        '03',
        'PROGRAM PENANGGULANGAN BENCANA',
        'Meningkatnya kesiapsiagaan dan penanganan bencana',
        pct('Persentase Masyarakat Terdampak yang Tertangani', '90', '2'),
        [
          'Pelayanan Pencegahan dan Kesiapsiagaan terhadap Bencana',
          'Pelayanan Penyelamatan dan Evakuasi Korban Bencana',
          'Penataan Sistem Dasar Penanggulangan Bencana',
        ],
      ],
    ],
  },
  {
    unitName: 'Badan Kesatuan Bangsa dan Politik',
    urusan: '8.01',
    tujuan: 'Menjaga kondusivitas politik dan sosial kemasyarakatan',
    sasaran: [
      s(
        'Meningkatnya kondusivitas politik dan kerukunan masyarakat',
        'S12',
        pct('Persentase Potensi Konflik Sosial yang Tertangani', '85', '3'),
      ),
      // Deliberately not linked to the RPJMD: shows the "flagged" state in the demo.
      s(
        'Meningkatnya wawasan kebangsaan masyarakat',
        null,
        pct('Persentase Organisasi Kemasyarakatan yang Aktif dan Terbina', '55', '5'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN',
        'Meningkatnya pemahaman ideologi Pancasila dan wawasan kebangsaan',
        pct(
          'Persentase Peserta Pembinaan Wawasan Kebangsaan yang Meningkat Pemahamannya',
          '70',
          '4',
        ),
        [
          'Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter Kebangsaan',
        ],
      ],
      [
        '03',
        'PROGRAM PENINGKATAN PERAN PARTAI POLITIK DAN LEMBAGA PENDIDIKAN MELALUI PENDIDIKAN POLITIK DAN PENGEMBANGAN ETIKA SERTA BUDAYA POLITIK',
        'Meningkatnya partisipasi dan pendidikan politik masyarakat',
        pct(
          'Persentase Partai Politik yang Menyampaikan Laporan Bantuan Keuangan Tepat Waktu',
          '80',
          '5',
        ),
        ['Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan Politik'],
      ],
      [
        '05',
        'PROGRAM PEMBERDAYAAN DAN PENGAWASAN ORGANISASI KEMASYARAKATAN',
        'Meningkatnya ketahanan sosial dan penanganan konflik',
        pct('Persentase Ormas yang Terdaftar dan Terbina', '60', '6'),
        ['Pelaksanaan Kewaspadaan Nasional dan Penanganan Konflik Sosial'],
      ],
    ],
  },
  {
    unitName: 'Dinas Pendidikan dan Kebudayaan',
    urusan: '1.01',
    tujuan: 'Meningkatkan akses, mutu dan relevansi pendidikan serta pelestarian kebudayaan',
    sasaran: [
      s(
        'Meningkatnya akses dan mutu pendidikan dasar',
        'S02',
        pct('Angka Partisipasi Murni SD/MI', '97.2', '0.4'),
        pct('Angka Partisipasi Murni SMP/MTs', '80.5', '1.2'),
      ),
      s(
        'Meningkatnya pelestarian cagar budaya dan kesenian daerah',
        'S03',
        pct('Persentase Cagar Budaya yang Dilestarikan', '40', '6'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENGELOLAAN PENDIDIKAN',
        'Meningkatnya layanan pendidikan dasar dan anak usia dini yang bermutu',
        pct('Persentase Sekolah Dasar Terakreditasi Minimal B', '82', '3'),
        [
          'Pengelolaan Pendidikan Sekolah Dasar',
          'Pengelolaan Pendidikan Sekolah Menengah Pertama',
          'Pengelolaan Pendidikan Anak Usia Dini (PAUD)',
        ],
      ],
      [
        '03',
        'PROGRAM PENGEMBANGAN KURIKULUM',
        'Meningkatnya mutu kurikulum dan penilaian pendidikan',
        pct('Persentase Satuan Pendidikan yang Menerapkan Kurikulum Merdeka', '70', '6'),
        ['Penetapan Kurikulum Muatan Lokal Pendidikan Dasar'],
      ],
      [
        '05',
        'PROGRAM PENGEMBANGAN KEBUDAYAAN',
        'Meningkatnya pelestarian dan pengembangan kebudayaan daerah',
        pct('Persentase Objek Pemajuan Kebudayaan yang Dilestarikan', '35', '6'),
        ['Pelestarian Kesenian Tradisional', 'Pengelolaan Cagar Budaya dan Permuseuman'],
      ],
    ],
  },
  {
    unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    urusan: '1.03',
    tujuan: 'Meningkatkan kualitas infrastruktur kota yang terpadu dan berkelanjutan',
    sasaran: [
      s(
        'Meningkatnya kualitas jalan dan jembatan kota',
        'S07',
        pct('Persentase Jalan Kota dalam Kondisi Mantap', '78.5', '2.5'),
      ),
      s(
        'Meningkatnya pengendalian banjir dan ketaatan pemanfaatan ruang',
        'S08',
        pct('Persentase Luas Genangan yang Tertangani', '60', '5'),
        pct('Persentase Kesesuaian Pemanfaatan Ruang dengan RTRW', '80', '2'),
      ),
    ],
    programs: [
      [
        '10',
        'PROGRAM PENYELENGGARAAN JALAN',
        'Meningkatnya kemantapan jalan dan jembatan kota',
        pct('Persentase Jembatan dalam Kondisi Baik', '82', '2'),
        ['Penyelenggaraan Jalan Kabupaten/Kota'],
      ],
      [
        '03',
        'PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)',
        'Meningkatnya kinerja sistem drainase dan pengendalian banjir',
        pct('Persentase Saluran Drainase dalam Kondisi Baik', '65', '4'),
        [
          'Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai',
          'Pengembangan dan Pengelolaan Sistem Irigasi',
        ],
      ],
      [
        '05',
        'PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM AIR LIMBAH',
        'Meningkatnya akses sanitasi dan air minum layak',
        pct('Persentase Rumah Tangga dengan Akses Sanitasi Layak', '86', '2'),
        ['Pengelolaan dan Pengembangan Sistem Air Limbah Domestik dalam Daerah Kabupaten/Kota'],
      ],
    ],
  },
  {
    unitName: 'Dinas Perumahan dan Kawasan Permukiman',
    urusan: '1.04',
    tujuan: 'Mewujudkan permukiman yang layak huni dan berkelanjutan',
    sasaran: [
      s(
        'Menurunnya luas kawasan permukiman kumuh',
        'S07',
        num('Luas Kawasan Permukiman Kumuh', 'hektare', '48.6', '-6', { negative: true }),
        pct('Persentase Rumah Layak Huni', '88', '1.5'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENGEMBANGAN PERUMAHAN',
        'Meningkatnya penyediaan rumah layak huni',
        num('Jumlah Rumah Tidak Layak Huni yang Direhabilitasi', 'unit', '150', '0', {
          cumulative: true,
        }),
        [
          'Pendataan Penyediaan dan Rehabilitasi Rumah Korban Bencana atau Relokasi Program Kabupaten/Kota',
        ],
      ],
      [
        '03',
        'PROGRAM KAWASAN PERMUKIMAN',
        'Meningkatnya kualitas kawasan permukiman',
        num('Luas Kawasan Kumuh yang Ditangani', 'hektare', '6', '0', { cumulative: true }),
        [
          'Penataan dan Peningkatan Kualitas Kawasan Permukiman Kumuh dengan Luas di Bawah 10 (Sepuluh) Ha',
          'Pengelolaan Ruang Terbuka Hijau dan Penerangan Jalan Umum',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Sosial',
    urusan: '1.06',
    tujuan: 'Meningkatkan kesejahteraan sosial masyarakat',
    sasaran: [
      s(
        'Meningkatnya pelayanan dan rehabilitasi sosial',
        'S04',
        pct(
          'Persentase Penyandang Masalah Kesejahteraan Sosial yang Mendapat Rehabilitasi Sosial Dasar',
          '78',
          '3',
        ),
      ),
      s(
        'Meningkatnya perlindungan dan jaminan sosial keluarga miskin',
        'S04',
        pct('Persentase Keluarga Penerima Manfaat yang Meningkat Kesejahteraannya', '12', '2'),
      ),
    ],
    programs: [
      [
        '04',
        'PROGRAM REHABILITASI SOSIAL',
        'Meningkatnya pelayanan rehabilitasi sosial',
        pct('Persentase Anak Terlantar dan Lanjut Usia Terlantar yang Terlayani', '80', '4'),
        [
          'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial',
        ],
      ],
      [
        '05',
        'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL',
        'Meningkatnya perlindungan sosial bagi korban bencana dan keluarga miskin',
        pct('Persentase Korban Bencana yang Mendapat Perlindungan Sosial', '90', '2'),
        [
          'Pemeliharaan Anak-Anak Terlantar',
          'Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota',
        ],
      ],
      [
        '02',
        'PROGRAM PEMBERDAYAAN SOSIAL',
        'Meningkatnya kemandirian keluarga miskin',
        pct('Persentase Data Terpadu Kesejahteraan Sosial yang Dimutakhirkan', '70', '6'),
        [
          'Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota',
          'Pemberdayaan Sosial Komunitas dan Potensi Sumber Kesejahteraan Sosial',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Kependudukan dan Pencatatan Sipil',
    urusan: '2.12',
    tujuan: 'Meningkatkan kualitas pelayanan administrasi kependudukan',
    sasaran: [
      s(
        'Meningkatnya kepemilikan dokumen kependudukan',
        'S10',
        pct('Persentase Penduduk Wajib KTP yang Memiliki KTP Elektronik', '97.5', '0.4'),
        pct('Persentase Anak yang Memiliki Akta Kelahiran', '93', '1.2'),
      ),
      s(
        'Meningkatnya pemanfaatan data kependudukan',
        'S03',
        num('Jumlah Lembaga Pengguna yang Memanfaatkan Data Kependudukan', 'lembaga', '24', '4'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENDAFTARAN PENDUDUK',
        'Meningkatnya cakupan pendaftaran penduduk',
        pct('Persentase Layanan Pendaftaran Penduduk Selesai dalam Satu Hari', '85', '3'),
        ['Pelayanan Pendaftaran Penduduk', 'Penataan Pendaftaran Penduduk'],
      ],
      [
        '03',
        'PROGRAM PENCATATAN SIPIL',
        'Meningkatnya cakupan pencatatan sipil',
        pct('Persentase Akta Pencatatan Sipil yang Terbit Tepat Waktu', '88', '2'),
        ['Pelayanan Pencatatan Sipil'],
      ],
      [
        '04',
        'PROGRAM PENGELOLAAN INFORMASI ADMINISTRASI KEPENDUDUKAN',
        'Meningkatnya kualitas dan pemanfaatan data kependudukan',
        pct('Persentase Data Kependudukan yang Valid dan Mutakhir', '90', '2'),
        [
          'Penyelenggaraan Pengelolaan Informasi Administrasi Kependudukan',
          'Pemanfaatan Data Kependudukan dan Kerja Sama',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    urusan: '2.18',
    tujuan: 'Meningkatkan iklim investasi dan kualitas pelayanan perizinan',
    sasaran: [
      s(
        'Meningkatnya realisasi investasi',
        'S05',
        num('Pertumbuhan Realisasi Investasi', 'persen', '9', '0.5'),
      ),
      s(
        'Meningkatnya kualitas pelayanan perizinan',
        'S10',
        num('Indeks Kepuasan Masyarakat terhadap Pelayanan Perizinan', 'poin', '82', '1'),
      ),
    ],
    programs: [
      [
        '03',
        'PROGRAM PROMOSI PENANAMAN MODAL',
        'Meningkatnya minat investor',
        num('Jumlah Peminat Investasi yang Difasilitasi', 'investor', '20', '4'),
        ['Penyelenggaraan Promosi Penanaman Modal yang Menjadi Kewenangan Daerah Kabupaten/Kota'],
      ],
      [
        '04',
        'PROGRAM PELAYANAN PENANAMAN MODAL',
        'Meningkatnya kecepatan pelayanan perizinan',
        pct('Persentase Izin yang Terbit Sesuai Standar Waktu Pelayanan', '88', '2'),
        [
          'Pelayanan Perizinan dan Nonperizinan secara Terpadu Satu Pintu di Bidang Penanaman Modal',
        ],
      ],
      [
        '05',
        'PROGRAM PENGENDALIAN PELAKSANAAN PENANAMAN MODAL',
        'Meningkatnya kepatuhan pelaku usaha dalam pelaporan penanaman modal',
        pct('Persentase Pelaku Usaha yang Menyampaikan LKPM', '60', '6'),
        ['Pengendalian Pelaksanaan Penanaman Modal yang Menjadi Kewenangan Daerah Kabupaten/Kota'],
      ],
    ],
  },
  {
    unitName: 'Dinas Komunikasi dan Informatika',
    urusan: '2.16',
    tujuan: 'Mewujudkan pemerintahan digital yang terbuka',
    sasaran: [
      s(
        'Meningkatnya penerapan Sistem Pemerintahan Berbasis Elektronik',
        'S09',
        num('Indeks SPBE', 'nilai', '2.85', '0.2'),
      ),
      s(
        'Meningkatnya keterbukaan informasi publik',
        'S10',
        num('Nilai Keterbukaan Informasi Publik', 'nilai', '78', '2'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK',
        'Meningkatnya layanan informasi publik',
        pct('Persentase Permohonan Informasi Publik yang Diselesaikan', '88', '2'),
        ['Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota'],
      ],
      [
        '03',
        'PROGRAM APLIKASI INFORMATIKA',
        'Meningkatnya keterpaduan layanan SPBE',
        pct('Persentase Perangkat Daerah yang Menggunakan Aplikasi Umum Terintegrasi', '60', '8'),
        [
          'Pengelolaan Nama Domain yang Telah Ditetapkan oleh Pemerintah Pusat dan Sub Domain di Lingkup Pemerintah Daerah Kabupaten/Kota',
          'Pengelolaan e-Government di Lingkup Pemerintah Daerah Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Perhubungan',
    urusan: '2.15',
    tujuan: 'Meningkatkan kinerja lalu lintas dan angkutan kota',
    sasaran: [
      s(
        'Meningkatnya kinerja lalu lintas dan angkutan kota',
        'S07',
        pct('Persentase Ruas Jalan dengan Kinerja Lalu Lintas Baik', '72', '3'),
      ),
      s(
        'Menurunnya angka kecelakaan lalu lintas',
        'S12',
        num('Angka Kecelakaan Lalu Lintas', 'kejadian per 10.000 kendaraan', '4.2', '-0.2', {
          negative: true,
        }),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)',
        'Meningkatnya keselamatan dan kelancaran lalu lintas',
        pct('Persentase Kelengkapan Perlengkapan Jalan', '70', '5'),
        [
          'Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota',
          'Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota',
          'Pengujian Berkala Kendaraan Bermotor',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Lingkungan Hidup',
    urusan: '2.11',
    tujuan: 'Meningkatkan kualitas lingkungan hidup kota',
    sasaran: [
      s(
        'Meningkatnya kualitas air dan udara',
        'S08',
        num('Indeks Kualitas Air', 'poin', '52', '1.5'),
        num('Indeks Kualitas Udara', 'poin', '84', '0.5'),
      ),
      s(
        'Meningkatnya pengelolaan sampah',
        'S08',
        pct('Persentase Sampah yang Tertangani', '70', '4'),
      ),
    ],
    programs: [
      [
        '09',
        'PROGRAM PENGELOLAAN PERSAMPAHAN',
        'Meningkatnya pengurangan dan penanganan sampah',
        pct('Persentase Sampah yang Dikurangi melalui 3R', '18', '2'),
        ['Pengelolaan Sampah', 'Penerbitan Izin Pendaurulangan Sampah/Pengolahan Sampah'],
      ],
      [
        '03',
        'PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP',
        'Menurunnya beban pencemaran lingkungan',
        pct('Persentase Usaha yang Taat terhadap Izin Lingkungan', '65', '5'),
        [
          'Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup',
          'Pemulihan Pencemaran dan/atau Kerusakan Lingkungan Hidup',
        ],
      ],
      [
        '02',
        'PROGRAM PERENCANAAN LINGKUNGAN HIDUP',
        'Tersusunnya dokumen perencanaan dan kajian lingkungan hidup',
        pct('Persentase Dokumen Lingkungan yang Dinilai Tepat Waktu', '85', '3'),
        ['Rencana Perlindungan dan Pengelolaan Lingkungan Hidup (RPPLH) Kabupaten/Kota'],
      ],
    ],
  },
  {
    unitName: 'Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan',
    urusan: '2.17',
    tujuan: 'Meningkatkan daya saing koperasi, UMKM dan perdagangan',
    sasaran: [
      s(
        'Meningkatnya daya saing koperasi dan usaha mikro',
        'S05',
        pct('Persentase Koperasi Sehat', '45', '5'),
        pct('Persentase Usaha Mikro yang Naik Kelas', '4', '1'),
      ),
      s(
        'Terjaganya stabilitas harga bahan pokok',
        'S05',
        num('Koefisien Variasi Harga Bahan Pokok', 'persen', '9', '-0.5', { negative: true }),
      ),
    ],
    programs: [
      [
        '05',
        'PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI',
        'Meningkatnya kualitas kelembagaan koperasi',
        pct('Persentase Koperasi yang Melaksanakan RAT', '55', '5'),
        [
          'Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah Keanggotaan dalam Daerah Kabupaten/Kota',
        ],
      ],
      [
        '10',
        'PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)',
        'Meningkatnya kapasitas usaha mikro',
        num('Jumlah Usaha Mikro yang Difasilitasi Pengembangan Usaha', 'unit usaha', '300', '0', {
          cumulative: true,
        }),
        [
          'Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan',
        ],
      ],
      [
        '09',
        'PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING',
        'Terkendalinya harga bahan pokok',
        pct('Persentase Ketersediaan Bahan Pokok di Pasar', '90', '2'),
        [
          'Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Ketahanan Pangan dan Pertanian',
    urusan: '2.09',
    tujuan: 'Mewujudkan ketahanan pangan dan pertanian perkotaan yang produktif',
    sasaran: [
      s(
        'Meningkatnya ketersediaan dan keamanan pangan',
        'S06',
        num('Skor Pola Pangan Harapan', 'poin', '86.4', '1.2'),
      ),
      s(
        'Meningkatnya produksi pertanian perkotaan',
        'S06',
        num('Pertumbuhan Produksi Hortikultura', 'persen', '3', '0.5'),
      ),
    ],
    programs: [
      [
        '03',
        'PROGRAM PENINGKATAN DIVERSIFIKASI DAN KETAHANAN PANGAN MASYARAKAT',
        'Meningkatnya konsumsi pangan beragam, bergizi seimbang dan aman',
        pct('Persentase Pangan Segar yang Memenuhi Syarat Keamanan Pangan', '85', '3'),
        [
          'Penyediaan dan Penyaluran Pangan Pokok atau Pangan Lainnya sesuai dengan Kebutuhan Daerah Kabupaten/Kota',
          'Pelaksanaan Pengawasan Keamanan Pangan Segar Daerah Kabupaten/Kota',
        ],
      ],
      [
        '07',
        'PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN',
        'Meningkatnya ketersediaan sarana pertanian',
        pct('Persentase Kelompok Tani yang Menerima Bantuan Sarana Produksi', '30', '8'),
        [
          'Pengawasan Penggunaan Sarana Pendukung Pertanian sesuai dengan Komoditas, Teknologi dan Spesifik Lokasi',
          'Penyuluhan Pertanian',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Pariwisata',
    urusan: '3.26',
    tujuan: 'Meningkatkan daya tarik pariwisata dan ekonomi kreatif',
    sasaran: [
      s(
        'Meningkatnya kunjungan wisatawan',
        'S05',
        num('Jumlah Kunjungan Wisatawan', 'orang', '410000', '25000', { cumulative: true }),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA',
        'Meningkatnya kualitas destinasi wisata',
        num('Jumlah Daya Tarik Wisata yang Dikembangkan', 'lokasi', '3', '0', { cumulative: true }),
        ['Pengelolaan Daya Tarik Wisata Kabupaten/Kota'],
      ],
      [
        '03',
        'PROGRAM PEMASARAN PARIWISATA',
        'Meningkatnya promosi dan event pariwisata',
        num('Jumlah Event Pariwisata Berskala Nasional', 'event', '4', '1'),
        [
          'Pemasaran Pariwisata Dalam dan Luar Negeri Daya Tarik, Destinasi dan Kawasan Strategis Pariwisata Kabupaten/Kota',
        ],
      ],
      [
        '04',
        'PROGRAM PENGEMBANGAN EKONOMI KREATIF MELALUI PEMANFAATAN DAN PERLINDUNGAN HAK KEKAYAAN INTELEKTUAL',
        'Meningkatnya pelaku ekonomi kreatif yang berdaya saing',
        num('Jumlah Pelaku Ekonomi Kreatif yang Difasilitasi', 'pelaku', '80', '0', {
          cumulative: true,
        }),
        [
          'Penyediaan Prasarana (Zona Kreatif/Ruang Kreatif/Kota Kreatif) sebagai Ruang Berekspresi, Berpromosi dan Berinteraksi bagi Insan Kreatif Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Pemuda dan Olahraga',
    urusan: '2.19',
    tujuan: 'Meningkatkan peran pemuda dan prestasi olahraga',
    sasaran: [
      s(
        'Meningkatnya peran pemuda dan prestasi olahraga',
        'S03',
        num('Indeks Pembangunan Pemuda', 'poin', '54', '1.5'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEPEMUDAAN',
        'Meningkatnya kapasitas kepemudaan',
        num('Jumlah Wirausaha Muda yang Dibina', 'orang', '60', '0', { cumulative: true }),
        ['Pemberdayaan dan Pengembangan Pemuda Kabupaten/Kota'],
      ],
      [
        '03',
        'PROGRAM PENGEMBANGAN DAYA SAING KEOLAHRAGAAN',
        'Meningkatnya prestasi olahraga',
        num('Jumlah Medali pada Kejuaraan Tingkat Provinsi', 'medali', '42', '3'),
        [
          'Pembinaan dan Pengembangan Olahraga Prestasi Tingkat Daerah Provinsi',
          'Pengelolaan Sarana dan Prasarana Olahraga',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Tenaga Kerja',
    urusan: '2.07',
    tujuan: 'Meningkatkan kesempatan kerja dan kompetensi tenaga kerja',
    sasaran: [
      s(
        'Meningkatnya penempatan dan kompetensi tenaga kerja',
        'S05',
        pct('Persentase Pencari Kerja yang Ditempatkan', '42', '3'),
        pct('Persentase Lulusan Pelatihan Kerja yang Bekerja', '55', '3'),
      ),
    ],
    programs: [
      [
        '03',
        'PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA',
        'Meningkatnya kompetensi tenaga kerja',
        num('Jumlah Tenaga Kerja Bersertifikat Kompetensi', 'orang', '400', '0', {
          cumulative: true,
        }),
        [
          'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi',
          'Pembinaan Lembaga Pelatihan Kerja Swasta',
        ],
      ],
      [
        '04',
        'PROGRAM PENEMPATAN TENAGA KERJA',
        'Meningkatnya penempatan tenaga kerja',
        pct('Persentase Lowongan Kerja yang Terisi', '60', '3'),
        ['Pelayanan Antarkerja di Daerah Kabupaten/Kota', 'Perluasan Kesempatan Kerja'],
      ],
      [
        '05',
        'PROGRAM HUBUNGAN INDUSTRIAL',
        'Meningkatnya hubungan industrial yang harmonis',
        pct('Persentase Perselisihan Hubungan Industrial yang Diselesaikan', '80', '4'),
        [
          'Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang Hanya Beroperasi dalam 1 (Satu) Daerah Kabupaten/Kota',
          'Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja dan Penutupan Perusahaan di Daerah Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Perpustakaan dan Kearsipan',
    urusan: '2.23',
    tujuan: 'Meningkatkan budaya gemar membaca dan tertib arsip',
    sasaran: [
      s(
        'Meningkatnya minat baca masyarakat',
        'S02',
        num('Tingkat Kegemaran Membaca Masyarakat', 'poin', '61', '2'),
      ),
      // Deliberately not linked to the RPJMD: shows the "flagged" state in the demo.
      s(
        'Meningkatnya tertib arsip perangkat daerah',
        null,
        pct('Persentase Perangkat Daerah dengan Pengelolaan Arsip Kategori Baik', '40', '8'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PEMBINAAN PERPUSTAKAAN',
        'Meningkatnya layanan dan pembudayaan gemar membaca',
        num('Jumlah Kunjungan ke Perpustakaan', 'orang', '52000', '0', { cumulative: true }),
        [
          'Pengelolaan Perpustakaan Tingkat Daerah Kabupaten/Kota',
          'Pembudayaan Gemar Membaca Tingkat Daerah Kabupaten/Kota',
          'Pelestarian Koleksi Nasional dan Naskah Kuno',
        ],
      ],
      [
        '03',
        'PROGRAM PENGELOLAAN ARSIP',
        'Meningkatnya kualitas pengelolaan arsip',
        pct('Persentase Arsip Statis yang Dikelola Sesuai Standar', '55', '6'),
        [
          'Pengelolaan Arsip Dinamis Pemerintah Daerah Kabupaten/Kota',
          'Pengelolaan Arsip Statis oleh Pemerintah Daerah Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
    urusan: '2.08',
    tujuan: 'Meningkatkan kualitas hidup perempuan dan perlindungan anak',
    sasaran: [
      s(
        'Meningkatnya kualitas hidup perempuan dan perlindungan anak',
        'S03',
        num('Indeks Pemberdayaan Gender', 'poin', '72', '0.8'),
        pct('Persentase Kasus Kekerasan terhadap Perempuan dan Anak yang Tertangani', '90', '2'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN',
        'Meningkatnya pelaksanaan pengarusutamaan gender',
        pct('Persentase Perangkat Daerah yang Menerapkan Anggaran Responsif Gender', '55', '8'),
        [
          'Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota',
        ],
      ],
      [
        '03',
        'PROGRAM PERLINDUNGAN PEREMPUAN',
        'Meningkatnya layanan perlindungan perempuan',
        pct('Persentase Perempuan Korban Kekerasan yang Mendapat Layanan Komprehensif', '85', '3'),
        [
          'Penyediaan Layanan Rujukan Lanjutan bagi Perempuan Korban Kekerasan yang Memerlukan Koordinasi Kewenangan Kabupaten/Kota',
        ],
      ],
      [
        '07',
        'PROGRAM PEMENUHAN HAK ANAK (PHA)',
        'Meningkatnya pemenuhan hak anak',
        pct('Persentase Kelurahan Layak Anak', '30', '10'),
        [
          'Pelembagaan PHA pada Lembaga Pemerintah, Nonpemerintah, dan Dunia Usaha Kewenangan Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Pemadam Kebakaran dan Penyelamatan',
    urusan: '1.05',
    tujuan: 'Meningkatkan perlindungan masyarakat dari bahaya kebakaran',
    sasaran: [
      s(
        'Meningkatnya kecepatan penanganan kebakaran',
        'S08',
        pct('Persentase Kebakaran yang Ditangani dalam Waktu Tanggap Maksimal 15 Menit', '78', '4'),
      ),
    ],
    programs: [
      [
        '04',
        'PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON KEBAKARAN',
        'Meningkatnya kesiapan pencegahan dan penanggulangan kebakaran',
        pct('Persentase Bangunan Gedung yang Diperiksa Sistem Proteksi Kebakarannya', '40', '8'),
        [
          'Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran dalam Daerah Kabupaten/Kota',
          'Pemberdayaan Masyarakat dalam Pencegahan Kebakaran',
        ],
      ],
    ],
  },
  {
    unitName: 'Dinas Pengendalian Penduduk dan Keluarga Berencana',
    urusan: '2.14',
    tujuan: 'Mewujudkan penduduk tumbuh seimbang dan keluarga berkualitas',
    sasaran: [
      s(
        'Meningkatnya kualitas keluarga dan kesertaan ber-KB',
        'S01',
        num('Angka Kelahiran Total', 'anak per perempuan', '2.18', '-0.02', { negative: true }),
        pct('Persentase Keluarga Berisiko Stunting yang Mendapat Pendampingan', '70', '5'),
      ),
    ],
    programs: [
      [
        '03',
        'PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)',
        'Meningkatnya kesertaan ber-KB',
        pct('Persentase Peserta KB Modern Aktif', '62', '1.5'),
        [
          'Pelaksanaan Advokasi, Komunikasi, Informasi dan Edukasi (KIE) Pengendalian Penduduk dan KB sesuai Kearifan Budaya Lokal',
          'Pengendalian dan Pendistribusian Kebutuhan Alat dan Obat Kontrasepsi serta Pelaksanaan Pelayanan KB di Daerah Kabupaten/Kota',
        ],
      ],
      [
        '04',
        'PROGRAM PEMBERDAYAAN DAN PENINGKATAN KELUARGA SEJAHTERA (KS)',
        'Meningkatnya ketahanan keluarga',
        pct('Persentase Keluarga yang Aktif dalam Kelompok Bina Keluarga', '45', '4'),
        ['Pelaksanaan Pembangunan Keluarga melalui Pembinaan Ketahanan dan Kesejahteraan Keluarga'],
      ],
    ],
  },
  {
    unitName: 'Dinas Perikanan',
    urusan: '3.25',
    tujuan: 'Meningkatkan produksi dan nilai tambah perikanan',
    sasaran: [
      s(
        'Meningkatnya produksi perikanan',
        'S06',
        num('Pertumbuhan Produksi Perikanan', 'persen', '3.5', '0.3'),
      ),
    ],
    programs: [
      [
        '03',
        'PROGRAM PENGELOLAAN PERIKANAN TANGKAP',
        'Meningkatnya produktivitas nelayan kecil',
        num('Produksi Perikanan Tangkap', 'ton', '8200', '250'),
        [
          'Pemberdayaan Nelayan Kecil dalam Daerah Kabupaten/Kota',
          'Pengelolaan Tempat Pelelangan Ikan (TPI)',
        ],
      ],
      [
        '04',
        'PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA',
        'Meningkatnya produksi perikanan budidaya',
        num('Produksi Perikanan Budidaya', 'ton', '1450', '80'),
        ['Pemberdayaan Pembudi Daya Ikan Kecil'],
      ],
    ],
  },
  {
    unitName: 'Satuan Polisi Pamong Praja',
    urusan: '1.05',
    tujuan: 'Mewujudkan ketenteraman dan ketertiban umum',
    sasaran: [
      s(
        'Meningkatnya ketenteraman dan ketertiban umum',
        'S12',
        pct('Persentase Penegakan Peraturan Daerah dan Peraturan Wali Kota', '80', '3'),
      ),
      s(
        'Meningkatnya perlindungan masyarakat',
        'S12',
        pct('Persentase Gangguan Ketenteraman dan Ketertiban Umum yang Tertangani', '85', '2'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM',
        'Meningkatnya penegakan peraturan daerah',
        pct('Persentase Pelanggaran Perda yang Ditindak', '80', '3'),
        [
          'Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (Satu) Daerah Kabupaten/Kota',
          'Penegakan Peraturan Daerah Kabupaten/Kota dan Peraturan Bupati/Wali Kota',
          'Pembinaan Penyidik Pegawai Negeri Sipil (PPNS) Kabupaten/Kota',
        ],
      ],
    ],
  },
  {
    unitName: 'Rumah Sakit Umum Daerah Kota Contoh',
    urusan: '1.02',
    tujuan: 'Meningkatkan mutu pelayanan kesehatan rujukan',
    sasaran: [
      s(
        'Meningkatnya mutu pelayanan kesehatan rujukan',
        'S01',
        num('Indeks Kepuasan Pasien RSUD', 'poin', '80', '1'),
        num('Angka Kematian Netto (Net Death Rate)', 'per mil', '24', '-1', { negative: true }),
      ),
      s(
        'Meningkatnya efisiensi pelayanan rumah sakit',
        'S01',
        range('Bed Occupancy Rate (BOR)', 'persen', '64.2', [
          ['60', '85'],
          ['60', '85'],
          ['60', '85'],
          ['60', '85'],
          ['60', '85'],
        ]),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
        'Meningkatnya mutu pelayanan medik, penunjang medik dan keperawatan',
        pct('Persentase Standar Pelayanan Minimal Rumah Sakit yang Tercapai', '80', '4'),
        [
          'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
          'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota',
        ],
      ],
    ],
  },
];

/** The same Renstra for the eight kecamatan. */
export function kecamatanProfile(unitName: string): PdProfile {
  const wilayah = unitName.replace(/^Kecamatan\s+/, '');
  return {
    unitName,
    urusan: '7.01',
    tujuan: `Meningkatkan kualitas pelayanan dan pemberdayaan masyarakat di Kecamatan ${wilayah}`,
    sasaran: [
      s(
        'Meningkatnya kualitas pelayanan publik di kecamatan',
        'S10',
        num('Indeks Kepuasan Masyarakat terhadap Pelayanan Kecamatan', 'poin', '80', '1'),
      ),
      s(
        'Meningkatnya ketenteraman dan ketertiban di wilayah kecamatan',
        'S12',
        pct('Persentase Gangguan Ketenteraman dan Ketertiban Umum yang Tertangani', '85', '2'),
      ),
    ],
    programs: [
      [
        '02',
        'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK',
        'Meningkatnya kualitas pelayanan administrasi di kecamatan',
        pct(
          'Persentase Layanan Administrasi Terpadu Kecamatan yang Selesai Tepat Waktu',
          '85',
          '3',
        ),
        [
          'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan',
          'Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang Ada di Kecamatan',
        ],
      ],
      [
        '03',
        'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN',
        'Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan',
        pct('Persentase Usulan Musrenbang Kelurahan yang Terealisasi', '40', '5'),
        ['Penyelenggaraan Pemberdayaan Masyarakat Desa/Kelurahan'],
      ],
      [
        '04',
        'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM',
        'Meningkatnya koordinasi ketenteraman dan ketertiban umum',
        pct('Persentase Laporan Gangguan Trantibum yang Ditindaklanjuti', '85', '3'),
        ['Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum'],
      ],
    ],
  };
}
