import { AppError } from '../shared/errors.js';

interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** Constraint names the database enforces, mapped to the same codes the domain code uses. */
const constraintErrors: Record<string, [AppError['code'], string]> = {
  signing_certificates_active_key: [
    'ALREADY_ENROLLED',
    'Anda sudah memiliki sertifikat tanda tangan yang aktif.',
  ],
  documents_agreement_key: ['CONFLICT', 'Dokumen PK ini sedang dibuat. Muat ulang halaman.'],
  documents_pact_key: [
    'CONFLICT',
    'Dokumen Pakta Integritas ini sedang dibuat. Muat ulang halaman.',
  ],
  sign_attempts_open_key: [
    'SIGN_OUTCOME_UNKNOWN',
    'Permintaan tanda tangan sebelumnya untuk dokumen ini belum selesai atau belum jelas hasilnya. Minta admin memeriksanya.',
  ],
  users_username_key: ['DUPLICATE', 'Nama pengguna sudah dipakai. Pilih nama lain.'],
  users_employee_key: ['DUPLICATE', 'Pegawai ini sudah memiliki akun pengguna.'],
  employees_nip_key: ['DUPLICATE', 'NIP ini sudah terdaftar untuk pegawai lain.'],
  units_code_key: ['DUPLICATE', 'Kode unit sudah dipakai unit lain.'],
  tenants_region_code_key: ['DUPLICATE', 'Kode wilayah ini sudah dipakai Pemda lain.'],
  role_grants_unique: ['DUPLICATE', 'Peran ini sudah diberikan kepada pengguna tersebut.'],
  positions_one_head_per_unit: [
    'DUPLICATE',
    'Unit ini sudah memiliki jabatan kepala. Arsipkan jabatan lama terlebih dahulu.',
  ],
  agreements_one_open_revision: [
    'REVISION_NOT_ALLOWED',
    'Sudah ada PK Perubahan yang sedang disusun untuk PK ini. Lanjutkan perubahan itu terlebih dahulu.',
  ],
  agreements_revision_key: [
    'REVISION_NOT_ALLOWED',
    'PK Perubahan dengan nomor ini baru saja dibuat pengguna lain. Muat ulang halaman.',
  ],
  agreements_position_year_key: [
    'DUPLICATE',
    'PK untuk jabatan ini pada tahun tersebut sudah ada. Buka PK tersebut untuk mengubahnya.',
  ],
  agreement_years_year_key: ['DUPLICATE', 'Tahun PK ini sudah dibuka.'],
  assignments_no_overlapping_definitif: [
    'ASSIGNMENT_OVERLAP',
    'Jabatan ini sudah dipegang pejabat definitif lain pada rentang tanggal tersebut.',
  ],
  plan_periods_one_active: [
    'CONFLICT',
    'Sudah ada periode RPJMD yang berlaku. Tutup periode itu terlebih dahulu.',
  ],
  plan_periods_start_key: ['DUPLICATE', 'Sudah ada periode RPJMD yang dimulai tahun tersebut.'],
  plan_nodes_code_key: ['DUPLICATE', 'Kode ini sudah dipakai butir lain dalam Renstra yang sama.'],
  rating_scales_key: ['DUPLICATE', 'Kunci skala ini sudah dipakai skala lain.'],
  rating_scale_levels_norm_key: ['DUPLICATE', 'Kode tingkat skala dipakai lebih dari sekali.'],
};

function findPgError(error: unknown): PgLikeError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as PgLikeError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate;
    }
    current = candidate.cause;
  }
  return null;
}

/** Turns a database refusal into an AppError, or returns null for anything unexpected. */
export function translateDbError(error: unknown): AppError | null {
  const pgError = findPgError(error);
  if (!pgError) return null;
  const known = pgError.constraint ? constraintErrors[pgError.constraint] : undefined;
  if (known) return new AppError(known[0], known[1], { constraint: pgError.constraint });
  switch (pgError.code) {
    case 'AM001':
      return new AppError(
        'UNIT_CYCLE',
        'Unit tidak dapat dipindahkan ke bawah unit turunannya sendiri.',
      );
    case 'AM010':
      return new AppError(
        'NOT_EDITABLE',
        'PK hanya dapat diubah saat berstatus draf atau dikembalikan.',
      );
    case 'AM011':
      return new AppError('FROZEN', 'PK yang sudah ditandatangani tidak dapat diubah.');
    case 'AM012':
      return new AppError('INVALID_TRANSITION', 'Perpindahan status PK ini tidak diizinkan.');
    case 'AM013':
      return new AppError(
        'FORBIDDEN',
        'Status "ditandatangani" hanya dapat diberikan oleh fitur penandatanganan.',
      );
    case 'AM014':
      return new AppError('PLAN_STRUCTURE', 'Susunan rencana tidak sesuai aturan.', {
        reason: pgError.message,
      });
    case 'AM020':
      return new AppError('FROZEN', 'Berkas dokumen yang sudah diterbitkan tidak dapat diubah.');
    case 'AM021':
      return new AppError('FROZEN', 'Tanda tangan yang sudah dibubuhkan bersifat final.');
    case 'AM022':
      return new AppError(
        'FORBIDDEN',
        'Tanda tangan hanya dapat dibubuhkan melalui fitur penandatanganan.',
      );
    case 'AM023':
      return new AppError('FROZEN', 'Dokumen ini sudah final dan tidak dapat diubah.');
    case 'AM025':
      return new AppError(
        'PARTIALLY_SIGNED',
        'PK ini sudah ditandatangani salah satu pihak dan tidak dapat dikembalikan. Ubah melalui PK Perubahan setelah selesai ditandatangani.',
      );
    case 'AM026':
      return new AppError('FROZEN', 'Sertifikat yang sudah dicabut tidak dapat dipakai kembali.');
    case 'AM027':
      return new AppError('FROZEN', 'Pakta Integritas ini sudah final dan tidak dapat diubah.');
    case 'AM030':
      return new AppError(
        'INVALID_TRANSITION',
        'Perpindahan status laporan triwulan ini tidak diizinkan.',
      );
    case 'AM031':
      return new AppError(
        'AGREEMENT_NOT_SIGNED',
        'Realisasi hanya dapat diisi untuk PK yang sudah ditandatangani dan masih berlaku.',
      );
    case 'AM032':
      return new AppError(
        'NOT_EDITABLE',
        'Laporan triwulan ini sudah diajukan atau diverifikasi. Nilai dan bukti hanya dapat diubah saat berstatus draf atau dikembalikan.',
      );
    case 'AM033':
      return new AppError('FROZEN', 'Permohonan buka kunci ini sudah diputuskan.');
    case 'AM002':
      return new AppError('FORBIDDEN', 'Log audit tidak dapat diubah atau dihapus.');
    case 'AM003':
    case '23503':
      if (pgError.constraint === 'agreement_objectives_supports_fk') {
        return new AppError(
          'HAS_DEPENDENTS',
          'Sasaran ini menjadi rujukan PK di bawahnya. Lepaskan tautan PK bawahan terlebih dahulu.',
          { constraint: pgError.constraint },
        );
      }
      return new AppError('NOT_FOUND', 'Data rujukan tidak ditemukan.', {
        constraint: pgError.constraint,
      });
    case '23505':
      return new AppError('DUPLICATE', 'Data yang sama sudah ada.', {
        constraint: pgError.constraint,
      });
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('VALIDATION_FAILED', 'Data tidak memenuhi aturan penyimpanan.', {
        constraint: pgError.constraint,
      });
    case '22021':
      // A NUL character (\u0000) in a text: PostgreSQL cannot store it in any text column.
      return new AppError(
        'VALIDATION_FAILED',
        'Teks berisi karakter yang tidak dapat disimpan (karakter NUL). Hapus karakter tersebut lalu coba lagi.',
      );
    case '23P01':
      return new AppError('CONFLICT', 'Data bertabrakan dengan data lain.', {
        constraint: pgError.constraint,
      });
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Data sedang diubah pengguna lain. Silakan coba lagi.');
    default:
      return null;
  }
}
