import type { AssignmentKind } from '../../shared/codes.js';
import { formatFullName } from '../org/names.js';
import type { PartyBlock } from './content-types.js';

/**
 * How a person is printed on a PK or a Pakta Integritas: name with titles, NIP, pangkat with
 * golongan, jabatan with the acting prefix. Shared by the PK content and the Pakta Integritas
 * (the integrity module builds its maker and witness blocks with it).
 */

/** Pangkat names of the PNS golongan/ruang (PP 99/2000). */
const pnsPangkat: Record<string, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

/**
 * "IV/b" → "Pembina Tingkat I (IV/b)"; a PPPK golongan "IX" → "Golongan IX"; none (a Kepala
 * Daerah, or not recorded) → null, and the line is left out of the signature block.
 */
export function pangkatLabel(grade: string | null | undefined): string | null {
  const g = grade?.trim();
  if (!g) return null;
  const name = pnsPangkat[g];
  if (name) return `${name} (${g})`;
  return /^[IVX]+$/.test(g) ? `Golongan ${g}` : g;
}

export function actingPrefix(kind: AssignmentKind | null | undefined): PartyBlock['actingPrefix'] {
  switch (kind) {
    case 'plt':
      return 'Plt.';
    case 'plh':
      return 'Plh.';
    case 'pj':
      return 'Pj.';
    default:
      return null;
  }
}

export interface PartySource {
  employeeId: string;
  frontTitle: string | null;
  name: string;
  backTitle: string | null;
  nip: string | null;
  grade: string | null;
  /** The position title as the organisation keeps it ("Kepala Dinas Kesehatan"). */
  positionTitle: string;
  assignmentKind: AssignmentKind | null;
}

export function partyBlock(p: PartySource): PartyBlock {
  const prefix = actingPrefix(p.assignmentKind);
  return {
    employeeId: p.employeeId,
    name: formatFullName(p),
    // A Kepala Daerah has no NIP: an empty text, and no "NIP." line is printed.
    nip: p.nip ?? '',
    pangkat: pangkatLabel(p.grade),
    jabatan: prefix ? `${prefix} ${p.positionTitle}` : p.positionTitle,
    actingPrefix: prefix,
  };
}
