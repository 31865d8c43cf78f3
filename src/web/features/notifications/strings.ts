import type { NotificationKind } from '../../../shared/codes.js';
import type { TaskKind } from './types.js';

/** Texts of the notification bell and the monitoring sections of Tugas Saya. */
export const notificationStrings = {
  bell: 'Notifikasi',
  bellUnread: (n: number) => `Notifikasi, ${n} belum dibaca`,
  title: 'Notifikasi',
  markAll: 'Tandai semua dibaca',
  markRead: 'Tandai dibaca',
  empty: 'Belum ada notifikasi.',
  emptyHint: 'Pengingat batas waktu dan kabar laporan realisasi akan muncul di sini.',
  unread: 'Belum dibaca',
  due: (date: string) => `Batas ${date}`,
  open: 'Buka',
  toTasks: 'Buka Tugas Saya',
  loadError: 'Notifikasi gagal dimuat.',

  // Tugas Saya
  tasksDescription:
    'Semua yang menunggu Anda, urut batas waktu: isi dan perbaiki realisasi triwulan, setujui, verifikasi, buka kunci, dan dokumen yang menunggu tanda tangan elektronik Anda.',
  inboxTitle: 'Realisasi triwulan',
  inboxEmpty: 'Tidak ada realisasi triwulan yang menunggu Anda.',
  dueOn: (date: string) => `Batas ${date}`,
  overdue: 'Terlambat',
  noDue: 'Tanpa batas waktu',
  opening: 'Membuka…',
  everythingDone: 'Tidak ada tugas yang menunggu Anda',
  everythingDoneBody:
    'Semua tugas sudah selesai. Tugas baru (isi realisasi, persetujuan, tanda tangan) akan muncul di sini.',
  everythingDoneFill:
    'Tugas mengisi realisasi muncul di sini menjelang akhir triwulan; realisasi triwulan yang sedang berjalan dapat diisi kapan saja.',
  toRealisasi: 'Buka Realisasi Triwulan',

  // Home card
  homeTitle: (n: string) => `${n} tugas menunggu Anda`,
  homeOverdue: (n: string) => `${n} terlambat`,
  homeHint: 'Kerjakan dari Tugas Saya, urut batas waktu.',
} as const;

/** Section headings per kind, in the order they are shown. */
export const taskKindLabels: Record<TaskKind, { title: string; hint: string; action: string }> = {
  fill: {
    title: 'Isi realisasi',
    hint: 'Realisasi indikator dan anggaran triwulan yang harus diisi unit Anda.',
    action: 'Isi realisasi',
  },
  fix: {
    title: 'Perbaiki',
    hint: 'Laporan yang dikembalikan verifikator dengan catatan.',
    action: 'Perbaiki',
  },
  approve: {
    title: 'Setujui',
    hint: 'Laporan yang diajukan unit Anda dan menunggu persetujuan Anda.',
    action: 'Periksa & setujui',
  },
  verify: {
    title: 'Verifikasi',
    hint: 'Laporan yang sudah disetujui pimpinan unit dan menunggu verifikasi.',
    action: 'Periksa & verifikasi',
  },
  unlock: {
    title: 'Buka kunci',
    hint: 'Permintaan membuka kembali triwulan yang sudah terkunci.',
    action: 'Putuskan',
  },
  sign: {
    title: 'Tanda tangan',
    hint: 'Dokumen yang menunggu tanda tangan elektronik Anda.',
    action: 'Buka',
  },
};

export const inboxKindOrder: TaskKind[] = ['fix', 'fill', 'approve', 'verify', 'unlock'];

export const notificationKindLabels: Record<NotificationKind, string> = {
  reminder: 'Pengingat',
  escalation: 'Eskalasi',
  submitted: 'Diajukan',
  approved: 'Disetujui',
  verified: 'Terverifikasi',
  returned: 'Dikembalikan',
  unlock_requested: 'Buka kunci',
  unlock_decided: 'Buka kunci',
};
