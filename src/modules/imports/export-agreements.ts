import ExcelJS from 'exceljs';
import type { AgreementLevel, AgreementStatus } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { AgreementListFilter } from '../agreements/agreement-schemas.js';
import { listAgreements } from '../agreements/list-agreements.js';
import { addDataSheet, type ColumnSpec, slug, workbookBuffer } from './workbook.js';

/** The PK list of a year as a workbook: one row per PK, as the list page shows it. */

export const levelLabels: Record<AgreementLevel, string> = {
  pemda: 'Pemda (Kepala Daerah)',
  kepala_pd: 'Kepala PD',
  eselon_iii: 'Eselon III',
  eselon_iv: 'Eselon IV',
  pelaksana: 'Pelaksana',
};

export const statusLabels: Record<AgreementStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  verified: 'Terverifikasi',
  ready_to_sign: 'Siap ditandatangani',
  signed: 'Ditandatangani',
  published: 'Dipublikasikan',
  superseded: 'Digantikan',
};

const columns: ColumnSpec[] = [
  { header: 'No', width: 6, help: '' },
  { header: 'Tahun', width: 8, help: '' },
  { header: 'Tingkat', width: 20, help: '' },
  { header: 'Unit', width: 36, help: '' },
  { header: 'Jabatan', width: 40, help: '' },
  { header: 'Pihak Pertama', width: 32, help: '' },
  { header: 'NIP Pihak Pertama', width: 22, help: '' },
  { header: 'Pihak Kedua', width: 32, help: '' },
  { header: 'Jabatan Pihak Kedua', width: 40, help: '' },
  { header: 'Status', width: 20, help: '' },
  { header: 'Perubahan ke-', width: 12, help: '', numFmt: '0' },
  { header: 'Tenggat', width: 12, help: '', numFmt: 'dd/mm/yyyy' },
  { header: 'Sisa Hari', width: 10, help: '', numFmt: '#,##0' },
  { header: 'Terlambat', width: 10, help: '' },
];

const actingPrefix = (kind: string) => (kind === 'definitif' ? '' : `${kind.toUpperCase()} `);

export async function exportAgreements(
  ctx: TenantContext,
  filter: AgreementListFilter,
): Promise<{ buffer: Buffer; filename: string }> {
  assertCan(ctx.actor, 'agreements.read');
  const { items } = await listAgreements(ctx, filter);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amanah';
  const sheet = addDataSheet(workbook, `PK ${filter.year}`, columns, 0);
  items.forEach((pk, index) => {
    sheet.addRow([
      index + 1,
      pk.year,
      levelLabels[pk.level],
      pk.unit?.name ?? 'Pemerintah Daerah',
      pk.position.title,
      pk.firstParty.name,
      pk.firstParty.nip,
      pk.secondParty?.name ?? null,
      pk.secondParty
        ? `${actingPrefix(pk.secondParty.assignmentKind)}${pk.secondParty.positionTitle}`
        : null,
      statusLabels[pk.status],
      pk.revisionNo,
      // A date-only value at UTC midnight: Excel shows the same calendar day everywhere.
      pk.deadline ? new Date(`${pk.deadline}T00:00:00Z`) : null,
      pk.daysLeft,
      pk.late ? 'Ya' : 'Tidak',
    ]);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const parts = [
    'daftar-pk',
    String(filter.year),
    filter.level ?? '',
    filter.status ?? '',
    filter.unitId && items[0]?.unit ? slug(items[0].unit.name) : '',
  ].filter(Boolean);
  return { buffer: await workbookBuffer(workbook), filename: `${parts.join('-')}.xlsx` };
}
