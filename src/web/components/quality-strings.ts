import type { QualityRule, QualitySeverity } from '../../shared/codes.js';

/** Indonesian text of the indicator quality check (findings list and tenant settings). */
export const qualityStrings = {
  title: 'Temuan kualitas indikator',
  empty: 'Tidak ada temuan kualitas.',
  blocking: 'Menghambat pengajuan',
  warning: 'Peringatan',
  fixHint: 'Saran perbaikan:',
  summaryBlocking: (count: number) => `${count} menghambat pengajuan`,
  summaryWarnings: (count: number) => `${count} peringatan`,
  blockingNote: 'Perbaiki temuan yang menghambat sebelum mengajukan.',
} as const;

export const severityLabels: Record<QualitySeverity, string> = {
  warning: 'Peringatan',
  error: 'Menghambat',
};

/** Each rule by name, with one line on what it catches (tenant settings page). */
export const qualityRuleText: Record<QualityRule, { label: string; description: string }> = {
  NO_UNIT: {
    label: 'Indikator tanpa satuan',
    description: 'Satuan pengukuran (%, orang, indeks, …) belum diisi.',
  },
  TARGET_NOT_NUMBER: {
    label: 'Target tidak sesuai bentuknya',
    description:
      'Target kosong, berupa teks padahal harus angka, rentang terbalik, atau tidak cocok dengan cara perhitungan.',
  },
  POLARITY_CONTRADICTION: {
    label: 'Target bertentangan dengan polaritas',
    description: 'Target tahunan turun pada indikator positif, atau naik pada indikator negatif.',
  },
  END_TARGET_NOT_REACHED: {
    label: 'Target akhir periode tidak tercapai',
    description: 'Target tahun terakhir tidak sampai pada target akhir periode Renstra/RPJMD.',
  },
  INPUT_ORIENTED: {
    label: 'Indikator masukan/kegiatan di tingkat atas',
    description:
      'Mis. “penyerapan anggaran” atau “jumlah kegiatan terlaksana” pada sasaran RPJMD/Renstra atau PK Kepala PD.',
  },
  DUPLICATE_INDICATOR: {
    label: 'Indikator ganda',
    description: 'Dua indikator dengan nama sama atau hampir sama dalam satu dokumen.',
  },
  IKU_CHANGED: {
    label: 'IKU berubah dalam periode',
    description: 'Status IKU sebuah indikator diubah saat periode Renstra/RPJMD berjalan.',
  },
  SASARAN_WITHOUT_INDICATOR: {
    label: 'Sasaran tanpa indikator',
    description: 'Sasaran belum memiliki satu pun indikator kinerja.',
  },
};
