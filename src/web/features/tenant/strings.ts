export const tenantStrings = {
  title: 'Pengaturan Pemda',
  description:
    'Identitas Pemda, zona waktu, logo, aturan keamanan akun, aturan kualitas indikator, dan Perjanjian Kinerja.',
  identity: 'Identitas',
  name: 'Nama Pemda',
  namePlaceholder: 'contoh: Pemerintah Kota Contoh',
  shortName: 'Nama singkat',
  shortNamePlaceholder: 'contoh: Kota Contoh',
  timeZone: 'Zona waktu',
  timeZoneHelp: 'Semua tanggal dan jam di aplikasi ditampilkan dalam zona waktu ini.',
  type: 'Jenis',
  regionCode: 'Kode wilayah (Kemendagri)',
  logo: 'Logo',
  logoHelp: 'PNG, JPEG, atau SVG, paling besar 200 KB. Tampil di kepala halaman dan dokumen.',
  logoChoose: 'Pilih berkas logo',
  logoRemove: 'Hapus logo',
  logoTooBig: 'Berkas logo lebih dari 200 KB. Perkecil gambarnya lalu coba lagi.',
  logoWrongType: 'Logo harus berupa berkas PNG, JPEG, atau SVG.',
  logoNone: 'Belum ada logo.',
  logoAlt: 'Logo Pemda',
  security: 'Keamanan',
  requireTotpForAdmins: 'Wajibkan verifikasi dua langkah untuk admin Pemda',
  requireTotpForAdminsHelp:
    'Admin yang belum mengaktifkan aplikasi autentikator diminta mengaktifkannya saat masuk berikutnya.',
  requireTotpForSigners: 'Wajibkan verifikasi dua langkah untuk penanda tangan',
  requireTotpForSignersHelp:
    'Berlaku untuk Kepala Daerah dan pimpinan unit yang menandatangani Perjanjian Kinerja.',
  saved: 'Pengaturan Pemda tersimpan',
  quality: 'Aturan kualitas indikator',
  qualityHelp:
    'Setiap temuan pemeriksaan kualitas (SMART) tampil saat indikator diisi. Pilih “Peringatan” agar penyusun cukup diingatkan, atau “Menghambat” agar PK tidak bisa diajukan sebelum temuan itu diperbaiki.',
  agreements: 'Perjanjian Kinerja',
  includePelaksana: 'PK sampai pelaksana / jabatan fungsional',
  includePelaksanaHelp:
    'Jika aktif, pelaksana dan pejabat fungsional juga menyusun PK dengan atasan eselon IV-nya (opsional menurut kebijakan Pemda).',
  deadline: 'Batas waktu penandatanganan PK',
  deadlineHelp:
    'Dihitung sejak tanggal pengesahan DPA. Ketentuan PermenPAN-RB 53/2014: paling lambat 1 bulan. PK yang melewati batas ditandai “terlambat”.',
  deadlineMonths: (months: number) => `${months} bulan setelah DPA`,
  signing: 'Tanda tangan elektronik',
  signingProvider: 'Penyedia tanda tangan',
  signingProviderHelp:
    'CA Pemda: sertifikat diterbitkan Amanah (tanda tangan elektronik tidak tersertifikasi). BSrE: tanda tangan tersertifikasi dari BSSN; perlu konfigurasi server (BSRE_URL) dan NIK tiap pejabat.',
  signingProviders: { builtin: 'CA Pemda (bawaan)', bsre: 'BSrE / BSSN' },
  signingTotp: 'Wajib kode autentikator saat menandatangani',
  signingTotpHelp:
    'Selain passphrase, pejabat memasukkan kode dari aplikasi autentikator setiap kali menandatangani.',
  signingPlace: 'Tempat penandatanganan',
  signingPlaceHelp:
    'Dicetak di atas tanda tangan, mis. "Kota Contoh, 10 Januari 2027". Kosongkan untuk memakai nama singkat Pemda.',
} as const;

export const timeZoneOptions = [
  { value: 'Asia/Jakarta', label: 'WIB: Waktu Indonesia Barat (UTC+7)' },
  { value: 'Asia/Makassar', label: 'WITA: Waktu Indonesia Tengah (UTC+8)' },
  { value: 'Asia/Jayapura', label: 'WIT: Waktu Indonesia Timur (UTC+9)' },
];

export const tenantTypeLabels: Record<string, string> = {
  provinsi: 'Provinsi',
  kabupaten: 'Kabupaten',
  kota: 'Kota',
};
