import type { PlanNodeKind } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';

/**
 * The shape of plan trees (the same rules as the plan_nodes_check_shape trigger, migration 0009,
 * but with messages that say what to do). RPJMD: misi → tujuan → sasaran, a tujuan may also stand
 * at the top. Renstra of a PD: tujuan → sasaran → program → kegiatan → sub kegiatan.
 */
export const kindLabels: Record<PlanNodeKind, string> = {
  misi: 'misi',
  tujuan: 'tujuan',
  sasaran: 'sasaran',
  program: 'program',
  kegiatan: 'kegiatan',
  sub_kegiatan: 'sub kegiatan',
};

/** Permendagri 90/2019 code formats (urusan.bidang.program[.kegiatan[.sub]]). */
export const codePatterns: Partial<Record<PlanNodeKind, { pattern: RegExp; example: string }>> = {
  program: { pattern: /^[0-9X]\.[0-9X]{2}\.[0-9]{2}$/, example: '1.02.02' },
  kegiatan: { pattern: /^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}$/, example: '1.02.02.2.01' },
  sub_kegiatan: {
    pattern: /^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$/,
    example: '1.02.02.2.01.0001',
  },
};

const rpjmdParent: Record<PlanNodeKind, readonly (PlanNodeKind | null)[]> = {
  misi: [null],
  tujuan: ['misi', null],
  sasaran: ['tujuan'],
  program: [],
  kegiatan: [],
  sub_kegiatan: [],
};
const renstraParent: Record<PlanNodeKind, readonly (PlanNodeKind | null)[]> = {
  misi: [],
  tujuan: [null],
  sasaran: ['tujuan'],
  program: ['sasaran'],
  kegiatan: ['program'],
  sub_kegiatan: ['kegiatan'],
};

const structure = (message: string, field: string) =>
  new AppError('PLAN_STRUCTURE', message, { field });

export function checkShape(input: {
  kind: PlanNodeKind;
  renstra: boolean;
  parent: { kind: PlanNodeKind; code: string | null } | null;
  code: string | null;
}): void {
  const allowed = (input.renstra ? renstraParent : rpjmdParent)[input.kind];
  const label = kindLabels[input.kind];
  if (allowed.length === 0) {
    throw structure(
      input.renstra
        ? 'Misi hanya ada di RPJMD. Renstra Perangkat Daerah dimulai dari tujuan.'
        : `${label[0]?.toUpperCase()}${label.slice(1)} hanya ada di Renstra Perangkat Daerah, bukan di RPJMD.`,
      'kind',
    );
  }
  const parentKind = input.parent?.kind ?? null;
  if (!allowed.includes(parentKind)) {
    const expected = allowed
      .map((k) => (k === null ? 'tingkat teratas' : kindLabels[k]))
      .join(' atau ');
    throw structure(
      parentKind === null
        ? `${label[0]?.toUpperCase()}${label.slice(1)} harus berada di bawah ${expected}.`
        : `${label[0]?.toUpperCase()}${label.slice(1)} tidak dapat berada di bawah ${kindLabels[parentKind]}; tempatkan di bawah ${expected}.`,
      'parentId',
    );
  }
  checkCode(input.kind, input.code, input.parent?.code ?? null);
}

export function checkCode(kind: PlanNodeKind, code: string | null, parentCode: string | null) {
  const format = codePatterns[kind];
  if (!format) return;
  if (!code || !format.pattern.test(code)) {
    throw structure(
      `Kode ${kindLabels[kind]} wajib diisi dengan format Permendagri 90/2019, misalnya ${format.example}.`,
      'code',
    );
  }
  if ((kind === 'kegiatan' || kind === 'sub_kegiatan') && parentCode) {
    if (!code.startsWith(`${parentCode}.`)) {
      throw structure(
        `Kode ${code} tidak melanjutkan kode induknya ${parentCode}. Kode ${kindLabels[kind]} harus diawali "${parentCode}.".`,
        'code',
      );
    }
  }
}
