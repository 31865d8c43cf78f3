import type {
  CertificateStatus,
  DocumentKind,
  RevocationReason,
  SignerRole,
} from '../../../shared/codes.js';

/** Texts of Tugas Saya, the sign dialog, the batch panel and the certificate pages. */
export const signingStrings = {
  // Tugas Saya
  tasksTitle: 'Tugas Saya',
  tasksDescription:
    'Dokumen yang menunggu tanda tangan elektronik Anda: Perjanjian Kinerja (PK) dan Pakta Integritas (PI).',
  notLinkedTitle: 'Akun belum terhubung dengan data pegawai',
  notLinkedBody:
    'Tanda tangan elektronik dibuat atas nama pegawai. Akun Anda belum ditautkan ke data pegawai, jadi belum ada dokumen yang dapat Anda tandatangani. Minta admin Pemda menautkan akun Anda di halaman Pengguna.',
  notEnrolledTitle: 'Buat sertifikat tanda tangan terlebih dahulu',
  notEnrolledBody:
    'Sebelum menandatangani, buat sertifikat tanda tangan Anda sekali saja dan pilih passphrase yang hanya Anda ketahui.',
  enrolAction: 'Buat sertifikat tanda tangan',
  nothingTitle: 'Tidak ada dokumen yang menunggu Anda',
  nothingBody:
    'Semua dokumen yang perlu Anda tandatangani sudah selesai. Dokumen baru akan muncul di sini saat PK Anda siap ditandatangani.',
  toSign: 'Perlu Anda tandatangani',
  toSignHint: 'Baca setiap dokumen sebelum menandatanganinya.',
  nothingNow: 'Saat ini tidak ada dokumen yang menunggu tanda tangan Anda.',
  notYet: 'Belum giliran Anda',
  notYetHint:
    'Anda juga menandatangani dokumen ini, setelah pihak yang disebut menandatanganinya lebih dulu.',
  waiting: 'Menunggu pihak lain',
  waitingHint: 'Anda sudah menandatangani; dokumen ini masih menunggu tanda tangan pihak lain.',
  recent: 'Baru Anda tandatangani',
  noOtherCeremony: 'Di luar acara penandatanganan',
  ceremonyOn: (date: string) => `Acara ${date}`,
  readAndSign: 'Baca & tandatangani',
  waitingYou: 'Menunggu Anda',
  waitingFor: (name: string) => `Menunggu ${name}`,
  signedAt: (when: string) => `Anda tandatangani ${when}`,
  complete: 'Lengkap',
  progress: (signed: number, total: number) => `${signed} dari ${total} tanda tangan`,
  open: 'Buka',
  showAll: (n: number) => `Tampilkan semua (${n})`,
  showLess: 'Tampilkan lebih sedikit',
  downloadPdf: 'Unduh PDF',
  selectRow: (title: string) => `Pilih ${title} untuk ditandatangani sekaligus`,
  selectGroup: (group: string) => `Pilih semua dokumen: ${group}`,
  signAll: (n: number) => `Tandatangani semua (${n})`,
  signSelected: (n: number) => `Tandatangani yang dipilih (${n})`,
  batchTitle: 'Tandatangani sekaligus',
  yourRole: 'Peran Anda',

  // Sign dialog
  signTitle: 'Baca dan tandatangani',
  preview: 'Pratinjau dokumen',
  openInTab: 'Buka di tab baru',
  previewHint:
    'Jika pratinjau tidak tampil (sering terjadi di ponsel), buka dokumen di tab baru dan baca sampai selesai.',
  documentId: 'ID dokumen',
  signers: 'Penanda tangan',
  yourTurn: 'Giliran Anda sekarang',
  afterThat: 'Sesudahnya',
  signedOn: (when: string) => `Ditandatangani ${when}`,
  statement: 'Saya telah membaca dokumen ini dan menyetujui isinya',
  passphrase: 'Passphrase tanda tangan',
  passphraseHint: 'Passphrase yang Anda pilih saat membuat sertifikat tanda tangan.',
  totp: 'Kode verifikasi dua langkah',
  totpHint: 'Enam angka dari aplikasi autentikator di ponsel Anda.',
  sign: 'Tandatangani',
  signing: 'Menandatangani…',
  signed: 'Dokumen berhasil ditandatangani',
  signedBody: (title: string) => `${title} telah Anda tandatangani secara elektronik.`,
  needStatement: 'Centang pernyataan bahwa Anda telah membaca dokumen ini.',
  needPassphrase: 'Masukkan passphrase tanda tangan Anda.',
  needTotp: 'Masukkan kode enam angka dari aplikasi autentikator.',
  remainingAttempts: (n: number) =>
    `Sisa ${n} kali percobaan sebelum sertifikat dikunci sementara.`,
  lockedUntil: (time: string) => `Anda dapat mencoba lagi setelah ${time}.`,
  toCertificate: 'Buka halaman sertifikat tanda tangan',
  toTotp: 'Aktifkan verifikasi dua langkah',
  forgotPassphrase:
    'Lupa passphrase? Passphrase tidak dapat dipulihkan; terbitkan ulang sertifikat di halaman Sertifikat tanda tangan.',

  // Batch panel
  batchIntro: (n: number) =>
    `Anda akan menandatangani ${n} dokumen dengan satu kali memasukkan passphrase. Setiap dokumen ditandatangani terpisah; jika satu gagal, yang lain tetap berjalan.`,
  batchStatement: 'Saya telah membaca seluruh dokumen ini dan menyetujui isinya',
  batchStart: (n: number) => `Tandatangani ${n} dokumen`,
  progressLabel: 'Kemajuan penandatanganan',
  progressText: (done: number, total: number) => `${done} dari ${total}`,
  countSigned: 'Ditandatangani',
  countSkipped: 'Dilewati',
  countFailed: 'Gagal',
  elapsed: 'Waktu berjalan',
  stop: 'Hentikan',
  stopping: 'Menghentikan…',
  results: 'Hasil per dokumen',
  statusSigned: 'Ditandatangani',
  statusSkipped: 'Dilewati (sudah ditandatangani)',
  statusFailed: 'Gagal',
  statusPending: 'Belum diproses',
  doneTitle: 'Penandatanganan selesai',
  doneSummary: (signed: number, skipped: number, failed: number, seconds: string) =>
    `${signed} ditandatangani, ${skipped} dilewati, ${failed} gagal dalam ${seconds} detik.`,
  stoppedTitle: 'Penandatanganan dihentikan',
  stoppedBody:
    'Dokumen yang sudah ditandatangani tetap sah dan tersimpan; yang belum diproses tidak berubah. Dokumen yang sedang diproses saat Anda menekan Hentikan mungkin tetap selesai. Anda dapat melanjutkan kapan saja: dokumen yang sudah ditandatangani akan dilewati.',
  interruptedTitle: 'Koneksi terputus',
  interruptedBody:
    'Hubungan dengan server terputus sebelum selesai. Dokumen yang sudah ditandatangani tetap tersimpan. Lanjutkan untuk menandatangani sisanya; yang sudah ditandatangani akan dilewati.',
  failedList: 'Yang gagal dan sebabnya:',
  retryFailed: (n: number) => `Tandatangani ulang yang gagal (${n})`,
  resume: (n: number) => `Lanjutkan (${n} tersisa)`,
  finish: 'Selesai',
  documentN: (n: number) => `Dokumen ${n}`,
  seconds: (ms: number) => (ms / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 }),

  // Certificate page
  certTitle: 'Sertifikat tanda tangan',
  certDescription:
    'Kunci tanda tangan elektronik atas nama Anda untuk menandatangani PK dan Pakta Integritas.',
  whatTitle: 'Apa ini?',
  whatBody: [
    'Sertifikat tanda tangan adalah kunci elektronik atas nama Anda (nama, NIP dan jabatan), diterbitkan oleh Pemda Anda.',
    'Kunci itu dilindungi passphrase yang hanya Anda ketahui. Amanah tidak menyimpan passphrase Anda, sehingga tidak ada orang lain, termasuk admin, yang dapat menandatangani atas nama Anda.',
    'Jika passphrase terlupa, passphrase tidak dapat dipulihkan: Anda menerbitkan sertifikat baru. Dokumen yang sudah ditandatangani tetap sah.',
  ],
  enrolTitle: 'Buat sertifikat',
  enrolHint:
    'Pilih passphrase yang panjang dan mudah Anda ingat, misalnya kalimat 4 kata atau lebih. Jangan gunakan kata sandi akun Anda.',
  newPassphrase: 'Passphrase baru',
  confirmPassphrase: 'Ulangi passphrase',
  mismatch: 'Kedua passphrase tidak sama.',
  strength: 'Kekuatan passphrase',
  strengthLabels: ['Belum dapat dipakai', 'Lemah', 'Cukup', 'Kuat', 'Sangat kuat'] as const,
  enrol: 'Buat sertifikat',
  enrolled: 'Sertifikat tanda tangan dibuat',
  enrolledBody: 'Sekarang Anda dapat menandatangani dokumen di Tugas Saya.',
  showPassphrase: 'Tampilkan passphrase',
  hidePassphrase: 'Sembunyikan passphrase',
  currentTitle: 'Sertifikat Anda',
  subject: 'Nama pada sertifikat',
  nip: 'NIP',
  jabatan: 'Jabatan',
  serial: 'Nomor seri',
  validUntil: 'Berlaku sampai',
  status: 'Status',
  provider: 'Penyedia',
  providers: { builtin: 'CA Pemda (Amanah)', bsre: 'BSrE BSSN' },
  lockedNow: (time: string) =>
    `Terkunci sementara sampai ${time} karena passphrase salah berulang kali.`,
  downloadMine: 'Unduh sertifikat saya',
  downloadCa: 'Unduh sertifikat CA Pemda',
  trustTitle: 'Agar PDF menampilkan "tanda tangan sah"',
  trustIntro:
    'Tanda tangan dibuat oleh CA milik Pemda, bukan oleh lembaga sertifikasi nasional. Pembaca PDF akan menandainya sah setelah sertifikat CA Pemda dipercaya, sekali saja per komputer:',
  trustAdobe: [
    'Adobe Acrobat Reader: Menu Edit › Preferences › Signatures › Identities & Trusted Certificates › More.',
    'Pilih Trusted Certificates › Import, pilih berkas CA Pemda yang diunduh, lalu Import.',
    'Pilih sertifikat itu › Edit Trust › centang "Use this certificate as a trusted root", lalu OK.',
  ],
  trustOkular: [
    'Okular (Linux): Settings › Configure Backends › PDF › Signatures: Okular memakai penyimpanan sertifikat NSS (Firefox).',
    'Di Firefox: Pengaturan › Privasi & Keamanan › Lihat Sertifikat › Otoritas › Impor, pilih berkas CA Pemda, centang "Percayai CA ini untuk mengidentifikasi pengguna surel".',
  ],
  adobe: 'Adobe Acrobat Reader',
  okular: 'Okular',
  reissue: 'Terbitkan ulang',
  reissueTitle: 'Terbitkan ulang sertifikat',
  reissueBody:
    'Sertifikat lama dicabut dan sertifikat baru diterbitkan dengan passphrase baru. Dokumen yang sudah Anda tandatangani tetap sah.',
  accountPassword: 'Kata sandi akun',
  accountPasswordHint: 'Kata sandi untuk masuk ke Amanah (bukan passphrase tanda tangan).',
  reason: 'Alasan',
  reissued: 'Sertifikat baru diterbitkan',
  revokeOwn: 'Cabut sertifikat',
  revokeOwnTitle: 'Cabut sertifikat Anda?',
  revokeOwnBody:
    'Sertifikat yang dicabut tidak dapat dipakai lagi dan dicantumkan dalam daftar pencabutan (CRL). Dokumen yang sudah ditandatangani tetap tercatat. Untuk menandatangani lagi, Anda perlu membuat sertifikat baru.',
  revoked: 'Sertifikat dicabut',
  bsreTitle: 'Daftarkan NIK untuk tanda tangan BSrE',
  bsreBody:
    'Pemda Anda menandatangani melalui BSrE (Balai Sertifikasi Elektronik, BSSN). Sertifikat Anda diterbitkan oleh BSrE; di sini cukup daftarkan NIK yang terdaftar di BSrE. Saat menandatangani, masukkan passphrase BSrE Anda.',
  nik: 'NIK',
  nikHint: 'Nomor Induk Kependudukan, 16 angka, seperti yang terdaftar di BSrE.',
  nikInvalid: 'NIK terdiri dari 16 angka.',
  bsreRegister: 'Daftarkan NIK',
  bsreRegistered: 'NIK terdaftar untuk tanda tangan BSrE',
  caDownloadFailed: 'Sertifikat CA Pemda belum tersedia.',

  // Admin page
  adminTitle: 'Sertifikat tanda tangan',
  adminDescription:
    'Sertifikat tanda tangan para pejabat. Cabut sertifikat yang tidak boleh dipakai lagi, misalnya saat passphrase diketahui orang lain atau pejabat berhenti.',
  searchLabel: 'Cari nama atau NIP',
  statusFilter: 'Status',
  allStatuses: 'Semua status',
  colOfficial: 'Pejabat',
  colJabatan: 'Jabatan',
  colSerial: 'Nomor seri',
  colValid: 'Berlaku sampai',
  colStatus: 'Status',
  colActions: 'Tindakan',
  locked: 'Terkunci',
  lockedUntilShort: (time: string) => `sampai ${time}`,
  revoke: 'Cabut',
  revokeTitle: (name: string) => `Cabut sertifikat ${name}?`,
  revokeBody:
    'Sertifikat yang dicabut tidak dapat dipakai menandatangani lagi dan dicantumkan dalam daftar pencabutan (CRL). Tanda tangan yang sudah ada tetap tercatat, tetapi verifikasi akan menampilkan status dicabut. Pejabat perlu membuat sertifikat baru.',
  noCertificatesTitle: 'Belum ada sertifikat',
  noCertificatesBody:
    'Sertifikat muncul di sini setelah pejabat membuatnya di halaman Sertifikat tanda tangan (menu akun).',
  noMatchTitle: 'Tidak ada yang cocok',
  noMatchBody: 'Ubah kata kunci atau filter status.',
  attemptsTitle: 'Permintaan tanda tangan yang hasilnya tidak diketahui',
  attemptsHint:
    'Server BSrE tidak menjawab permintaan ini sampai selesai. Periksa ke BSrE apakah dokumen sudah ditandatangani, lalu tandai selesai dengan catatan. Sebelum ditandai, penanda tangan tidak dapat mencoba lagi dokumen itu.',
  attemptsNone: 'Tidak ada permintaan yang perlu diperiksa.',
  resolve: 'Tandai sudah diperiksa',
  resolveTitle: 'Tandai permintaan sudah diperiksa',
  resolveNote: 'Catatan pemeriksaan',
  resolveNoteHint: 'Minimal 10 karakter, misalnya hasil pengecekan ke BSrE dan nomor tiketnya.',
  resolved: 'Permintaan ditandai sudah diperiksa',
  colDocument: 'Dokumen',
  colSigner: 'Penanda tangan',
  colStarted: 'Waktu',
} as const;

export const roleLabels: Record<SignerRole, string> = {
  pihak_pertama: 'Pihak Pertama',
  pihak_kedua: 'Pihak Kedua',
  pembuat: 'Pembuat Pernyataan',
  saksi: 'Menyaksikan',
};

export const kindLabels: Record<DocumentKind, { short: string; long: string }> = {
  pk: { short: 'PK', long: 'Perjanjian Kinerja' },
  pi: { short: 'PI', long: 'Pakta Integritas' },
};

export const certificateStatusLabels: Record<CertificateStatus, string> = {
  active: 'Aktif',
  revoked: 'Dicabut',
  replaced: 'Diganti',
};

export const revocationReasonLabels: Record<RevocationReason, string> = {
  key_compromise: 'Passphrase mungkin diketahui orang lain',
  passphrase_forgotten: 'Lupa passphrase',
  affiliation_changed: 'Jabatan atau data berubah',
  superseded: 'Diganti sertifikat baru',
  cessation_of_operation: 'Tidak lagi menandatangani (pensiun, pindah, berhenti)',
};

/** Reasons an official picks when re-issuing their own certificate. */
export const reissueReasons: RevocationReason[] = [
  'passphrase_forgotten',
  'affiliation_changed',
  'key_compromise',
  'superseded',
];
