import type { Aggregation, CalcMethod, PlanNodeKind, Polarity } from '../../shared/codes.js';
import type { ColumnSpec } from './workbook.js';

/**
 * The sheet layout of the RPJMD and Renstra workbooks: one row per plan node or indicator, in
 * tree order. An indicator row belongs to the node row above it; a node row belongs to the
 * nearest row above it of its parent's kind (a sasaran to the tujuan above, a kegiatan to the
 * program above, …).
 */

export type PlanScope = 'rpjmd' | 'renstra';

export const sheetNames = { rpjmd: 'RPJMD', renstra: 'Renstra' } as const;

/** "Jenis" values: Indonesian words, mapped to node kinds ("indikator" = an indicator row). */
export const rowKindWords = {
  misi: 'misi',
  tujuan: 'tujuan',
  sasaran: 'sasaran',
  program: 'program',
  kegiatan: 'kegiatan',
  sub_kegiatan: 'sub_kegiatan',
  indikator: 'indikator',
} as const;
export type RowKind = PlanNodeKind | 'indikator';

export const nodeKindsOf: Record<PlanScope, readonly PlanNodeKind[]> = {
  rpjmd: ['misi', 'tujuan', 'sasaran'],
  renstra: ['tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan'],
};

/** The parent kind of a node in each tree (null: a root; RPJMD tujuan may also be a root). */
export const parentKindOf: Record<PlanScope, Partial<Record<PlanNodeKind, PlanNodeKind>>> = {
  rpjmd: { tujuan: 'misi', sasaran: 'tujuan' },
  renstra: { sasaran: 'tujuan', program: 'sasaran', kegiatan: 'program', sub_kegiatan: 'kegiatan' },
};

export const codedKinds: ReadonlySet<PlanNodeKind> = new Set([
  'program',
  'kegiatan',
  'sub_kegiatan',
]);

/** Permendagri 90/2019 code shapes, the same as the plan_nodes_code_check constraint. */
export const codePatterns: Partial<Record<PlanNodeKind, RegExp>> = {
  program: /^[0-9X]\.[0-9X]{2}\.[0-9]{2}$/,
  kegiatan: /^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}$/,
  sub_kegiatan: /^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$/,
};
export const codeExamples: Partial<Record<PlanNodeKind, string>> = {
  program: '1.02.02',
  kegiatan: '1.02.02.2.01',
  sub_kegiatan: '1.02.02.2.01.0001',
};

export const polarityWords: Record<string, Polarity> = {
  positif: 'positive',
  positive: 'positive',
  negatif: 'negative',
  negative: 'negative',
};
export const polarityLabel: Record<Polarity, string> = { positive: 'positif', negative: 'negatif' };

export const methodWords: Record<string, CalcMethod> = {
  rasio: 'ratio',
  ratio: 'ratio',
  selisih_terbalik: 'inverse_difference',
  inverse_difference: 'inverse_difference',
  rasio_terbalik: 'inverse_ratio',
  inverse_ratio: 'inverse_ratio',
  rentang: 'range',
  range: 'range',
  skala: 'scale',
  scale: 'scale',
};
export const methodLabel: Record<CalcMethod, string> = {
  ratio: 'rasio',
  inverse_difference: 'selisih_terbalik',
  inverse_ratio: 'rasio_terbalik',
  range: 'rentang',
  scale: 'skala',
};
/** The polarity a method belongs to (indicators_method_check). */
export const methodPolarity: Record<CalcMethod, Polarity> = {
  ratio: 'positive',
  range: 'positive',
  scale: 'positive',
  inverse_difference: 'negative',
  inverse_ratio: 'negative',
};

export const aggregationWords: Record<string, Aggregation> = {
  kumulatif: 'cumulative',
  cumulative: 'cumulative',
  terakhir: 'last',
  nilai_terakhir: 'last',
  last: 'last',
  rata_rata: 'average',
  'rata-rata': 'average',
  average: 'average',
};
export const aggregationLabel: Record<Aggregation, string> = {
  cumulative: 'kumulatif',
  last: 'terakhir',
  average: 'rata_rata',
};

export const yesWords = new Set(['ya', 'y', 'yes', 'true', '1', 'iku']);
export const noWords = new Set(['tidak', 't', 'no', 'false', '0', 'bukan']);

/** A word as typed: lower case, spaces and dashes between words made underscores. */
export const wordKey = (text: string): string =>
  text.trim().toLowerCase().replace(/\s+/g, '_').replace(/-/g, '_');

export interface PlanColumns {
  kind: ColumnSpec;
  code: ColumnSpec;
  title: ColumnSpec;
  supports?: ColumnSpec;
  satuan: ColumnSpec;
  polarity: ColumnSpec;
  method: ColumnSpec;
  scale: ColumnSpec;
  aggregation: ColumnSpec;
  iku: ColumnSpec;
  baselineYear: ColumnSpec;
  baseline: ColumnSpec;
  targets: ColumnSpec[];
  endTarget: ColumnSpec;
  pagu: ColumnSpec[];
}

export const targetHeader = (year: number) => `Target ${year}`;
export const paguHeader = (year: number) => `Pagu ${year}`;

export function planColumns(scope: PlanScope, years: readonly number[]): PlanColumns {
  const kinds = [...nodeKindsOf[scope], 'indikator'];
  return {
    kind: {
      header: 'Jenis',
      width: 14,
      list: kinds,
      help: `Wajib. Jenis baris: ${kinds.join(', ')}. Baris indikator melekat pada baris rencana di atasnya; ${
        scope === 'rpjmd'
          ? 'tujuan di bawah misi di atasnya, sasaran di bawah tujuan di atasnya.'
          : 'sasaran di bawah tujuan di atasnya, program di bawah sasaran, kegiatan di bawah program, sub_kegiatan di bawah kegiatan.'
      }`,
    },
    code: {
      header: 'Kode',
      width: 20,
      help:
        scope === 'rpjmd'
          ? 'Opsional. Kode misi/tujuan/sasaran (maks. 40 karakter), unik dalam berkas.'
          : 'Wajib untuk program (mis. 1.02.02), kegiatan (1.02.02.2.01, diawali kode programnya) dan sub_kegiatan (1.02.02.2.01.0001, diawali kode kegiatannya) sesuai Permendagri 90/2019; opsional untuk tujuan/sasaran. Program, kegiatan dan sub kegiatan yang sudah ada dikenali dari kodenya; tujuan dan sasaran dari uraiannya.',
    },
    title: {
      header: 'Uraian',
      width: 60,
      help: 'Wajib. Rumusan misi/tujuan/sasaran, nama program/kegiatan/sub kegiatan, atau nama indikator (min. 3 karakter).',
    },
    ...(scope === 'renstra'
      ? {
          supports: {
            header: 'Mendukung (RPJMD)',
            width: 40,
            help: 'Untuk tujuan dan sasaran: kode atau rumusan tujuan/sasaran RPJMD (periode yang sama) yang didukung. Kosong: tautan yang ada tidak diubah.',
          },
        }
      : {}),
    satuan: {
      header: 'Satuan',
      width: 14,
      help: 'Baris indikator: satuan ukur, mis. %, orang, indeks, predikat.',
    },
    polarity: {
      header: 'Polaritas',
      width: 12,
      list: ['positif', 'negatif'],
      help: 'Baris indikator: positif (makin tinggi makin baik) atau negatif (makin rendah makin baik). Boleh kosong bila Metode diisi.',
    },
    method: {
      header: 'Metode',
      width: 18,
      list: ['rasio', 'selisih_terbalik', 'rasio_terbalik', 'rentang', 'skala'],
      help: 'Baris indikator, cara menghitung capaian: rasio (R/T, polaritas positif), selisih_terbalik ((2T−R)/T, negatif), rasio_terbalik (T/R, negatif), rentang (target berupa rentang, positif), skala (kode skala kualitatif, positif; isi kolom Skala).',
    },
    scale: {
      header: 'Skala',
      width: 16,
      help: 'Hanya untuk metode skala: kunci skala Pemda (mis. opini_bpk). Target berupa kode skala itu, mis. WTP.',
    },
    aggregation: {
      header: 'Agregasi',
      width: 14,
      list: ['kumulatif', 'terakhir', 'rata_rata'],
      help: 'Baris indikator, cara realisasi triwulan dijumlahkan: kumulatif, terakhir (nilai triwulan terakhir) atau rata_rata.',
    },
    iku: {
      header: 'IKU',
      width: 8,
      list: ['Ya', 'Tidak'],
      help: 'Baris indikator: Ya bila Indikator Kinerja Utama, Tidak bila bukan.',
    },
    baselineYear: {
      header: 'Tahun Baseline',
      width: 10,
      help: 'Baris indikator: tahun data baseline, mis. 2024.',
    },
    baseline: {
      header: 'Baseline',
      width: 14,
      help: 'Baris indikator: nilai awal. Angka (1.234,5 atau 1234.5), rentang (10 s.d. 20) atau kode skala.',
    },
    targets: years.map((year) => ({
      header: targetHeader(year),
      width: 12,
      help: `Baris indikator: target tahun ${year}. Angka, rentang "10 s.d. 20" (batas bawah ≤ batas atas) atau kode skala. Sel kosong tidak menghapus target yang sudah ada.`,
    })),
    endTarget: {
      header: 'Target Akhir',
      width: 12,
      help: 'Baris indikator: target akhir periode (bentuk sama dengan target tahunan).',
    },
    pagu:
      scope === 'renstra'
        ? years.map((year) => ({
            header: paguHeader(year),
            width: 18,
            numFmt: '"Rp"#,##0.00',
            help: `Baris program/kegiatan/sub_kegiatan: pagu indikatif tahun ${year} dalam Rupiah, maks. 2 angka desimal, mis. 1250000000 atau 1.250.000.000,50. Sel kosong tidak mengubah pagu yang ada.`,
          }))
        : [],
  };
}

export function columnList(columns: PlanColumns): ColumnSpec[] {
  return [
    columns.kind,
    columns.code,
    columns.title,
    ...(columns.supports ? [columns.supports] : []),
    columns.satuan,
    columns.polarity,
    columns.method,
    columns.scale,
    columns.aggregation,
    columns.iku,
    columns.baselineYear,
    columns.baseline,
    ...columns.targets,
    columns.endTarget,
    ...columns.pagu,
  ];
}
