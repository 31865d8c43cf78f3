import type { PactOccasion, PactStatus } from '../../../shared/codes.js';
import { formatNumber } from '../../lib/format.js';

/** Every Indonesian text of the Pakta Integritas pages. */
export const pactStatusLabels: Record<PactStatus, string> = {
  pending: 'Menunggu tanda tangan',
  signed: 'Ditandatangani',
  void: 'Dibatalkan',
};

export const occasionLabels: Record<PactOccasion, string> = {
  annual: 'Tahunan',
  appointment: 'Pelantikan',
};

export const integrityStrings = {
  title: 'Pakta Integritas',
  description:
    'Pakta Integritas tahunan dan saat pelantikan: dibuat untuk setiap pegawai, disaksikan atasannya, lalu ditandatangani secara elektronik.',
  clausesButton: 'Klausul',
  createButton: 'Buat Pakta Integritas',
  year: 'Tahun anggaran',
  wholePemda: 'Seluruh Pemda',

  statusTitle: 'Capaian per unit',
  statusHint: (date: string) =>
    `Pegawai dihitung menurut jabatan utamanya pada ${date}. Klik nama unit untuk melihat unit di bawahnya.`,
  colUnit: 'Unit',
  colEmployees: 'Pegawai',
  colMade: 'Dibuat',
  colSigned: 'Ditandatangani',
  colProgress: 'Capaian tanda tangan',
  colActions: 'Tindakan',
  total: 'Jumlah',
  openUnit: (name: string) => `Lihat unit di bawah ${name}`,
  createFor: (name: string) => `Buat pakta untuk ${name}`,
  createShort: 'Buat pakta',
  progressLabel: (signed: number, employees: number, percent: string | null) =>
    percent === null
      ? 'Belum ada pegawai'
      : `${formatNumber(signed)} dari ${formatNumber(employees)} pegawai (${percent.replace('.', ',')} %)`,
  noEmployees: 'Belum ada pegawai',
  statusEmptyTitle: 'Belum ada pegawai dengan jabatan',
  statusEmptyText:
    'Pakta Integritas dibuat untuk pegawai yang memegang jabatan. Isi penugasan pegawai di menu Organisasi terlebih dahulu.',
  backTo: (name: string) => `Kembali ke ${name}`,

  listTitle: 'Daftar Pakta Integritas',
  listIn: (name: string) => `Daftar Pakta Integritas: ${name}`,
  status: 'Status',
  allStatuses: 'Semua status',
  occasion: 'Jenis',
  allOccasions: 'Semua jenis',
  search: 'Cari nama, NIP, jabatan, unit',
  colMaker: 'Pembuat pernyataan',
  colWitness: 'Saksi (atasan)',
  colStatus: 'Status',
  colDocument: 'Dokumen',
  noWitness: 'Tanpa saksi (Kepala Daerah)',
  openPdf: 'Buka PDF',
  openPdfFor: (name: string) => `Buka PDF Pakta Integritas ${name}`,
  voidPact: 'Batalkan',
  voidFor: (name: string) => `Batalkan Pakta Integritas ${name}`,
  signedCount: (signed: number, total: number) => `${signed}/${total} tanda tangan`,
  pactDate: (date: string) => `Tanggal pakta ${date}`,
  resultCount: (n: number) => `${formatNumber(n)} pakta`,
  pageOf: (from: number, to: number, total: number) =>
    `Menampilkan ${formatNumber(from)}–${formatNumber(to)} dari ${formatNumber(total)} pakta`,
  emptyTitle: 'Belum ada Pakta Integritas tahun ini',
  emptyCreate:
    'Buat Pakta Integritas sekaligus untuk seluruh pegawai satu unit (beserta unit di bawahnya) atau seluruh Pemda.',
  emptyRead: 'Pakta Integritas dibuat oleh admin Pemda atau operator unit.',
  emptyFiltered: 'Tidak ada pakta yang cocok dengan saringan.',
  clearFilters: 'Hapus saringan',
  pagination: 'Halaman daftar pakta',
  pdfFailed: 'PDF belum dapat dibuka',

  voidTitle: 'Batalkan Pakta Integritas',
  voidMessage: (name: string) =>
    `Pakta Integritas ${name} dan dokumennya yang belum ditandatangani akan dibatalkan. Pakta baru dapat dibuat lagi sesudahnya.`,
  voidReason: 'Alasan pembatalan',
  voidReasonHint: 'Mis. salah tanggal, pegawai sudah pindah.',
  voidConfirm: 'Batalkan pakta',
  voided: 'Pakta Integritas dibatalkan.',

  bulkTitle: 'Buat Pakta Integritas',
  bulkScope: 'Untuk',
  bulkScopeWhole: 'Seluruh Pemda (semua unit, termasuk Kepala Daerah)',
  bulkScopeUnit: 'Satu unit beserta unit di bawahnya',
  bulkUnit: 'Unit',
  bulkUnitPlaceholder: 'Pilih unit',
  bulkDate: 'Tanggal pakta',
  bulkDateHint:
    'Dicetak di atas tanda tangan; jabatan pegawai dan atasannya (saksi) dibaca pada tanggal ini. Kosongkan untuk hari ini.',
  bulkChecking: 'Menghitung pegawai…',
  bulkWillCreate: (n: number, scope: string, year: number) =>
    `Akan dibuat ${formatNumber(n)} Pakta Integritas tahun ${year} untuk ${scope}.`,
  bulkNothing: (scope: string, year: number) =>
    `Semua pegawai ${scope} sudah memiliki Pakta Integritas tahun ${year}; tidak ada yang perlu dibuat.`,
  bulkSkipped: (n: number) => `${formatNumber(n)} pegawai sudah memilikinya dan dilewati.`,
  bulkFailedTitle: (n: number) =>
    `${formatNumber(n)} pegawai tidak dapat dibuatkan pakta (tidak ada atasan sebagai saksi):`,
  bulkNoDocuments:
    'PDF setiap pakta dibuat saat pertama kali dibuka atau ditandatangani. Pegawai melihat paktanya di Tugas Saya.',
  bulkConfirm: (n: number) => `Buat ${formatNumber(n)} pakta`,
  bulkDone: (created: number, skipped: number) =>
    `${formatNumber(created)} Pakta Integritas dibuat${skipped ? `; ${formatNumber(skipped)} pegawai dilewati karena sudah memilikinya` : ''}.`,
  bulkChooseUnit: 'Pilih unit terlebih dahulu.',

  // Clauses page.
  clausesTitle: 'Klausul Pakta Integritas',
  clausesDescription:
    'Pernyataan yang dicetak pada setiap Pakta Integritas. Setiap simpanan menjadi versi baru; pakta yang sudah dibuat tetap memakai klausul saat pakta itu dibuat.',
  currentVersion: (version: number) => `Versi ${version} (berlaku)`,
  versionLabel: (version: number) => `Versi ${version}`,
  savedOn: (date: string, by: string | null) =>
    `Disimpan ${date}${by ? ` oleh ${by}` : ' (klausul standar)'}`,
  clauseCount: (n: number) => `${n} klausul`,
  instansiHint: (name: string) =>
    `Tulis {instansi} di dalam klausul untuk nama Pemda; pada pakta tercetak "${name}".`,
  clauseLabel: (n: number) => `Klausul ${n}`,
  moveUp: (n: number) => `Naikkan klausul ${n}`,
  moveDown: (n: number) => `Turunkan klausul ${n}`,
  removeClause: (n: number) => `Hapus klausul ${n}`,
  addClause: 'Tambah klausul',
  note: 'Catatan perubahan',
  notePlaceholder: 'Mis. menambah klausul LHKPN sesuai Peraturan Wali Kota',
  save: 'Simpan sebagai versi baru',
  reset: 'Batalkan perubahan',
  saved: (version: number) => `Klausul disimpan sebagai versi ${version}.`,
  unchanged: 'Belum ada perubahan.',
  tooShort: (min: number) => `Minimal ${min} karakter.`,
  tooLong: (max: number) => `Maksimal ${max} karakter.`,
  duplicate: (n: number) => `Sama dengan klausul ${n}.`,
  chars: (n: number, max: number) => `${formatNumber(n)}/${formatNumber(max)} karakter`,
  limitReached: (max: number) => `Paling banyak ${max} klausul.`,
  readOnlyNote: 'Klausul diubah oleh admin Pemda.',
  historyTitle: 'Riwayat versi',
  showChanges: 'Lihat perubahan',
  showClauses: 'Lihat klausul',
  hideClauses: 'Tutup klausul',
  hideChanges: 'Tutup perubahan',
  firstVersion: 'Versi pertama: klausul standar PermenPAN-RB 49/2011.',
  changeSummary: (c: { added: number; removed: number; changed: number; moved: number }) => {
    const parts = [
      c.added && `${c.added} ditambah`,
      c.changed && `${c.changed} diubah`,
      c.removed && `${c.removed} dihapus`,
      c.moved && `${c.moved} dipindah`,
    ].filter(Boolean);
    return parts.length ? `Perubahan: ${parts.join(', ')}.` : 'Tidak ada perubahan isi.';
  },
  changeLabels: {
    unchanged: 'Tetap',
    added: 'Ditambah',
    removed: 'Dihapus',
    changed: 'Diubah',
    moved: 'Dipindah',
  },
  was: 'Sebelumnya:',
  position: (before: number | null, after: number | null) =>
    before !== null && after !== null && before !== after
      ? `nomor ${before + 1} → ${after + 1}`
      : after !== null
        ? `nomor ${after + 1}`
        : `dahulu nomor ${(before ?? 0) + 1}`,
} as const;
