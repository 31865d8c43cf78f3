import { normalizeName } from './text-normalize.js';

/**
 * Phrases of indicators that measure inputs or activities (money spent, meetings held, documents
 * written) rather than results. At the top of the cascade (RPJMD, Renstra tujuan/sasaran, PK of
 * the Pemda and of the head of PD) the outcome must come first (issue 3 § 3); such indicators
 * belong to eselon IV PKs. Matched on whole words, case- and spacing-insensitively.
 */
export const inputOrientedPhrases = [
  'penyerapan anggaran',
  'realisasi anggaran',
  'serapan anggaran',
  'penyerapan dana',
  'realisasi keuangan',
  'realisasi fisik',
  'jumlah kegiatan',
  'kegiatan terlaksana',
  'kegiatan yang terlaksana',
  'terlaksananya kegiatan',
  'terselenggaranya kegiatan',
  'kegiatan yang dilaksanakan',
  'jumlah rapat',
  'jumlah dokumen',
  'tersusunnya dokumen',
  'jumlah sosialisasi',
  'jumlah pelatihan',
  'jumlah laporan',
] as const;

const normalizedPhrases = inputOrientedPhrases.map((phrase) => ({
  phrase,
  padded: ` ${normalizeName(phrase)} `,
}));

/** The first input-oriented phrase in the name, or null. */
export function findInputPhrase(name: string): string | null {
  const padded = ` ${normalizeName(name)} `;
  return normalizedPhrases.find((p) => padded.includes(p.padded))?.phrase ?? null;
}
