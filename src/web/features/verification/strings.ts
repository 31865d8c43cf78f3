/** Strings of the public verification page (no sign-in): plain Indonesian for any reader. */
export const verifyStrings = {
  pageTitle: 'Verifikasi Dokumen',
  headerSubtitle: 'Verifikasi dokumen',
  heading: 'Periksa keaslian dokumen',
  resultHeading: 'Hasil verifikasi dokumen',
  lead: 'Perjanjian Kinerja dan Pakta Integritas yang ditandatangani melalui Amanah dapat diperiksa di sini: pindai kode QR pada dokumen, ketik ID dokumen di bawah kode QR, atau unggah berkas PDF-nya.',
  tabCode: 'ID dokumen',
  tabFile: 'Unggah PDF',
  codeLabel: 'ID dokumen',
  codePlaceholder: 'Masukkan ID dokumen, misalnya 7K3M-9Q2X-A4BC',
  codeHint: '12 huruf dan angka yang tercetak di bawah kode QR, dengan atau tanpa tanda hubung.',
  codeRequired: 'Masukkan ID dokumen terlebih dahulu.',
  codeInvalid: 'ID dokumen terdiri dari 12 huruf dan angka, misalnya 7K3M-9Q2X-A4BC.',
  check: 'Periksa',
  checking: 'Memeriksa…',
  fileLabel: 'Unggah PDF',
  fileDrop: 'Tarik berkas PDF ke sini',
  fileOr: 'atau',
  filePick: 'Pilih berkas PDF',
  fileHint: (maxMb: number) =>
    `Berkas PDF, maksimal ${maxMb} MB. Berkas hanya diperiksa, tidak disimpan.`,
  fileChecking: (name: string) => `Memeriksa ${name}…`,
  fileTooBig: (maxMb: number) =>
    `Berkas terlalu besar (maksimal ${maxMb} MB). Unggah berkas PDF dokumen seperti yang diterima dari Amanah.`,
  fileChecked: (name: string) => `Hasil pemeriksaan berkas ${name}`,
  another: 'Periksa dokumen lain',
  errorTitle: 'Pemeriksaan tidak dapat dilakukan',
  rateLimitedHint:
    'Terlalu banyak pemeriksaan dari jaringan Anda dalam satu menit. Tunggu sebentar lalu coba lagi.',

  verdicts: {
    valid: {
      title: 'Dokumen sah dan berlaku',
      body: 'Dokumen ini terdaftar di Amanah, ditandatangani lengkap oleh semua pihak, dan merupakan versi yang berlaku.',
    },
    superseded: {
      title: 'Dokumen sah tetapi sudah digantikan oleh PK Perubahan',
      body: 'Dokumen ini pernah ditandatangani secara sah, tetapi sudah digantikan oleh Perjanjian Kinerja Perubahan yang telah ditandatangani.',
    },
    pending: {
      title: 'Dokumen belum selesai ditandatangani',
      body: 'Dokumen ini terdaftar di Amanah, tetapi belum semua pihak menandatanganinya.',
    },
    void: {
      title: 'Dokumen dibatalkan',
      body: 'Dokumen ini dibatalkan sebelum ditandatangani dan tidak berlaku.',
    },
    outdated: {
      title: 'Berkas asli, tetapi bukan versi terakhir',
      body: (label: string) =>
        `Berkas ini sama persis dengan yang diterbitkan Amanah (${label}), tetapi sesudahnya ada tanda tangan lain. Mintalah berkas terakhir atau periksa dengan ID dokumen.`,
    },
    modified: {
      title: 'Berkas telah diubah',
      body: 'Berkas ini berbeda dari versi yang diterbitkan Amanah. Jangan mengandalkan isinya; mintalah salinan asli kepada penerbit atau periksa dengan ID dokumen.',
    },
    unknown: {
      title: 'Tidak dikenal',
      body: 'Berkas ini tidak berasal dari Amanah, atau ID dokumennya tidak dapat dibaca.',
    },
    unknownCode: {
      title: 'Tidak dikenal',
    },
  },
  exactNote: (label: string) => `Berkas sama persis dengan yang diterbitkan Amanah (${label}).`,
  changedAfter: 'Ada isi yang ditambahkan setelah tanda tangan terakhir.',
  contentChanged: 'Isi yang sudah ditandatangani telah berubah.',
  badSignature: 'Ada tanda tangan yang tidak cocok dengan sertifikatnya.',
  registeredData: 'Data dokumen yang terdaftar di Amanah',
  supersededBy: (code: string, date: string) =>
    `Digantikan oleh dokumen ${code}, ditandatangani ${date}.`,
  openSuccessor: 'Lihat dokumen penggantinya',

  documentSection: 'Data dokumen',
  fields: {
    kind: 'Jenis',
    title: 'Judul',
    pemda: 'Pemerintah daerah',
    date: 'Tanggal dokumen',
    place: 'Tempat',
    code: 'ID dokumen',
    signedAt: 'Ditandatangani lengkap',
    sha: 'Sidik berkas terakhir (SHA-256)',
    files: 'Berkas yang diterbitkan',
  },
  filesCount: (n: number) => `${n} versi (asli dan setelah setiap tanda tangan)`,

  signersSection: 'Para penanda tangan',
  notSignedYet: 'Belum menandatangani',
  signedOn: (when: string) => `Ditandatangani ${when}`,
  nip: 'NIP',

  signaturesSection: 'Tanda tangan di dalam berkas',
  noSignatures: 'Berkas ini tidak memuat tanda tangan elektronik.',
  signatureNo: (n: number) => `Tanda tangan ${n}`,
  unnamedSigner: 'Penanda tangan tidak terbaca',
  claimedTime: (when: string) => `Waktu penandatanganan menurut berkas: ${when}`,
  issuedBy: (issuer: string) => `Sertifikat diterbitkan oleh ${issuer}`,
  integrity: {
    valid: 'Utuh: isi tidak berubah sejak ditandatangani',
    digest_mismatch: 'Isi berubah setelah ditandatangani',
    bad_signature: 'Tanda tangan tidak cocok dengan sertifikatnya',
    malformed: 'Tanda tangan rusak atau tidak dapat dibaca',
  },
  notCovering: 'Ada tambahan isi setelah tanda tangan ini',
  laterSignature: 'Tanda tangan berikutnya ditambahkan sesudahnya (wajar)',

  certificate: {
    valid: 'Sertifikat berlaku',
    revoked: (date: string) => `Sertifikat dicabut ${date}`,
    expired: 'Masa berlaku sertifikat sudah habis',
    unknown: 'Sertifikat tidak dikenal (bukan dari Amanah)',
    none: 'Sertifikat tidak tercatat',
    beforeRevocation: 'Tanda tangan dibuat sebelum sertifikat dicabut.',
    afterRevocation: 'Tanda tangan dibuat setelah sertifikat dicabut atau di luar masa berlakunya.',
    whileValid: 'Tanda tangan dibuat saat sertifikat masih berlaku.',
  },

  aboutTitle: 'Tentang tanda tangan elektronik ini',
  aboutBuiltin: (pemda: string) =>
    `Tanda tangan pada dokumen ini adalah tanda tangan elektronik tidak tersertifikasi: sertifikatnya diterbitkan oleh otoritas sertifikat (CA) milik ${pemda} melalui Amanah, bukan oleh Penyelenggara Sertifikasi Elektronik (PSrE) seperti BSrE–BSSN. Menurut PP 71/2019 tanda tangan ini tetap sah dan keasliannya dapat diperiksa di halaman ini, tetapi kekuatan pembuktiannya lebih lemah daripada tanda tangan elektronik tersertifikasi.`,
  aboutBsre:
    'Tanda tangan pada dokumen ini adalah tanda tangan elektronik tersertifikasi yang dibuat melalui Balai Sertifikasi Elektronik (BSrE) BSSN.',
  aboutQr:
    'Kode QR pada dokumen hanya menunjuk ke halaman ini; kode QR saja bukan tanda tangan. Keaslian ditentukan oleh tanda tangan elektronik di dalam berkas PDF dan catatan di Amanah.',
  trustTitle: 'Memercayai sertifikat Pemda di pembaca PDF',
  trustIntro:
    'Pembaca PDF seperti Adobe Acrobat Reader menyebut tanda tangan ini "belum diverifikasi" atau "identitas tidak dikenal" sampai sertifikat CA Pemda Anda percayai:',
  trustSteps: [
    'Unduh sertifikat CA Pemda (tautan di bawah).',
    'Di Adobe Acrobat Reader buka Edit (Sunting) › Preferences (Preferensi) › Signatures (Tanda Tangan) › Identities & Trusted Certificates › More…, pilih Trusted Certificates, lalu Import dan pilih berkas sertifikat tadi.',
    'Centang "Use this certificate as a trusted root", simpan, lalu buka kembali PDF-nya. Panel tanda tangan akan menampilkan "Signature is valid".',
  ],
  downloadCa: 'Unduh sertifikat CA Pemda',
  privacy:
    'Halaman ini tidak memerlukan akun. Berkas yang Anda unggah hanya diperiksa dan tidak disimpan.',
} as const;
