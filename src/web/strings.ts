/** Strings shared by every feature (buttons, states, labels). Feature strings live beside them. */
export const common = {
  appName: 'Amanah',
  appTagline: 'Akuntabilitas Kinerja Instansi Pemerintah',
  retry: 'Coba lagi',
  save: 'Simpan',
  saving: 'Menyimpan…',
  cancel: 'Batal',
  close: 'Tutup',
  confirm: 'Ya, lanjutkan',
  loading: 'Memuat…',
  back: 'Kembali',
  search: 'Cari',
  yes: 'Ya',
  no: 'Tidak',
  none: '–',
  saved: 'Perubahan tersimpan',
  errorTitle: 'Terjadi kesalahan',
  reloadHint:
    'Data ini baru saja diubah orang lain. Muat ulang halaman untuk melihat versi terbaru.',
  reload: 'Muat ulang',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundBody: 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',
  toHome: 'Ke Beranda',
  routeErrorTitle: 'Halaman gagal dimuat',
  routeErrorBody:
    'Terjadi gangguan saat memuat halaman ini. Muat ulang halaman; jika masih gagal, hubungi admin Pemda.',
  archived: 'Diarsipkan',
  vacant: 'Kosong',
  levels: { eselon_2: 'Eselon II', eselon_3: 'Eselon III', eselon_4: 'Eselon IV' },
  assignmentKinds: { definitif: 'Definitif', plt: 'Plt', plh: 'Plh', pj: 'Pj' },
  assignmentKindsLong: {
    definitif: 'Definitif',
    plt: 'Plt (Pelaksana Tugas)',
    plh: 'Plh (Pelaksana Harian)',
    pj: 'Pj (Penjabat)',
  },
  roles: {
    admin_pemda: 'Admin Pemda',
    perencana: 'Perencana (Bappeda)',
    kepala_daerah: 'Kepala Daerah',
    pimpinan_unit: 'Pimpinan Unit',
    operator_unit: 'Operator Unit',
    evaluator: 'Evaluator (Inspektorat)',
    viewer: 'Pengamat',
  },
} as const;

export const roleLabel = (role: string): string =>
  (common.roles as Record<string, string>)[role] ?? role;
