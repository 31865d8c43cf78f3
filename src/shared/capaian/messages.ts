/** The Indonesian texts of "not assessed" (shown beside "-"). */
import type { Capaian, NotAssessedReason } from './types.js';

export const notAssessedMessages: Record<NotAssessedReason, string> = {
  no_realisasi: 'Realisasi belum diisi; tidak dihitung sebagai nol.',
  no_target: 'Target untuk periode ini belum ditetapkan.',
  zero_target:
    'Target bernilai 0: capaian tidak dapat dihitung dan ditampilkan "-" sesuai aturan Pemda.',
  nothing_assessed: 'Belum ada indikator yang dapat dinilai.',
};

export function notAssessed(reason: NotAssessedReason, message?: string): Capaian {
  return { assessed: false, reason, message: message ?? notAssessedMessages[reason] };
}
