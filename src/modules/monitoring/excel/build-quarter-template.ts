import ExcelJS from 'exceljs';
import type { RealisasiValue } from '../../../shared/capaian/index.js';
import type { TargetValue } from '../../../shared/target-value.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { targetText } from '../../imports/cells.js';
import {
  addDataSheet,
  addHelpSheet,
  type ColumnSpec,
  numberCell,
  numberFormat,
  rupiahFormat,
  slug,
  workbookBuffer,
} from '../../imports/workbook.js';
import { findUnit } from '../../org/units/find-unit.js';
import { quarterLabel } from '../quarter-lock.js';
import {
  BUDGET_SHEET,
  budgetHeaders,
  REALISASI_SHEET,
  realisasiHeaders,
  roman,
} from './quarter-layout.js';
import { loadUnitQuarter, type UnitQuarter } from './unit-quarter.js';

/**
 * GET /api/monitoring/template: the quarterly realisasi workbook of one unit, prefilled with
 * every signed PK indicator of the unit and its subtree (targets, earlier quarters, the values
 * already entered this quarter), its budget rows, and a "Petunjuk" sheet. Only the yellow
 * columns can be edited (sheet protection without a password: it guards against slips, not
 * against intent; the import checks everything again).
 */

export interface QuarterTemplateInput {
  unitId: string;
  year: number;
  quarter: number;
}

const fillColour: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF8C5' },
};
const storedColour: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFEDEDED' },
};

const fillHeaderColour: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FF8A6D00' },
};

type Cell = string | number | null;

const targetCell = (target: TargetValue | null): Cell => {
  const text = targetText(target);
  return target?.kind === 'number' && typeof text === 'string' ? numberCell(text) : text;
};

const realisasiCell = (value: RealisasiValue | null | undefined): Cell =>
  !value ? null : value.kind === 'number' ? numberCell(value.value) : value.code;

const protection: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

function realisasiColumns(data: UnitQuarter, scaleCodes: string[]): ColumnSpec[] {
  const h = realisasiHeaders(data.quarter);
  const q = data.quarter;
  const previous: ColumnSpec[] = [];
  for (let p = 1; p < q; p++) {
    previous.push({
      header: h.previous(p),
      width: 14,
      numFmt: numberFormat,
      help: `Realisasi TW ${roman(p)} yang tersimpan (hanya dibaca; ubah di halaman laporan TW ${roman(p)} bila masih terbuka).`,
    });
  }
  return [
    { header: h.pk, width: 34, help: 'PK tempat indikator berada: tingkat, unit, pejabat.' },
    { header: h.objective, width: 40, help: 'Sasaran PK.' },
    { header: h.indicator, width: 48, help: 'Indikator kinerja PK.' },
    { header: h.satuan, width: 12, help: 'Satuan indikator.' },
    { header: h.annualTarget, width: 14, numFmt: numberFormat, help: 'Target tahun ini.' },
    {
      header: h.quarterTarget,
      width: 14,
      numFmt: numberFormat,
      help: `Target TW ${roman(q)}.`,
    },
    ...previous,
    {
      header: h.value,
      width: 16,
      numFmt: numberFormat,
      help: `DIISI. Realisasi TW ${roman(q)}: angka gaya Indonesia (87,5 atau 1.234,5) atau sel angka Excel${scaleCodes.length ? `; indikator berskala diisi kodenya (${scaleCodes.join(', ')})` : ''}. Negatif hanya untuk indikator yang mengizinkannya. Kosong: nilai tersimpan tidak diubah.`,
    },
    {
      header: h.analysis,
      width: 40,
      help: 'DIISI. Analisis capaian. Wajib (bersama Kendala dan Tindak Lanjut) sebelum laporan diajukan bila capaian masuk dua kategori terendah atau realisasi kosong.',
    },
    { header: h.obstacles, width: 40, help: 'DIISI. Kendala yang dihadapi.' },
    { header: h.followUp, width: 40, help: 'DIISI. Rencana tindak lanjut.' },
    {
      header: h.key,
      width: 38,
      help: 'Kunci pencocokan (tersembunyi, dikunci). Jangan diubah atau dihapus.',
    },
  ];
}

function budgetColumns(quarter: number): ColumnSpec[] {
  const h = budgetHeaders(quarter);
  return [
    { header: h.pk, width: 34, help: 'PK tempat sub kegiatan berada.' },
    { header: h.code, width: 22, help: 'Kode sub kegiatan.' },
    { header: h.name, width: 50, help: 'Nama sub kegiatan.' },
    { header: h.ceiling, width: 20, numFmt: rupiahFormat, help: 'Pagu anggaran pada PK.' },
    {
      header: h.previous,
      width: 22,
      numFmt: rupiahFormat,
      help: 'Realisasi anggaran triwulan sebelumnya (hanya dibaca).',
    },
    {
      header: h.amount,
      width: 22,
      numFmt: rupiahFormat,
      help: `DIISI. Realisasi anggaran TW ${roman(quarter)} (belanja triwulan ini saja, bukan kumulatif), Rupiah paling banyak 2 desimal, mis. 1.250.000 atau 1250000,50. Jumlah seluruh triwulan tidak boleh melebihi pagu. Kosong: nilai tersimpan tidak diubah.`,
    },
    {
      header: h.key,
      width: 38,
      help: 'Kunci pencocokan (tersembunyi, dikunci). Jangan diubah atau dihapus.',
    },
  ];
}

/** Unlocks and colours the columns to fill, greys the stored ones, hides and locks the key. */
function styleSheet(
  sheet: ExcelJS.Worksheet,
  rows: number,
  fill: number[],
  stored: number[],
  key: number,
): void {
  for (let r = 2; r <= rows + 1; r++) {
    const row = sheet.getRow(r);
    row.alignment = { vertical: 'top', wrapText: true };
    for (const c of fill) {
      const cell = row.getCell(c);
      cell.protection = { locked: false };
      cell.fill = fillColour;
    }
    for (const c of stored) {
      const cell = row.getCell(c);
      cell.fill = storedColour;
      cell.font = { italic: true, color: { argb: 'FF555555' } };
    }
  }
  sheet.getColumn(key).hidden = true;
  // The header row shows which columns are to be filled.
  for (const c of fill) sheet.getRow(1).getCell(c).fill = fillHeaderColour;
}

/** Hidden sheet: each PK's report version when the template was made (0: no report yet). */
export const VERSION_SHEET = 'Versi';

export async function buildQuarterTemplate(
  ctx: TenantContext,
  input: QuarterTemplateInput,
): Promise<{ buffer: Buffer; filename: string }> {
  assertCan(ctx.actor, 'monitoring.read');
  const unit = await findUnit(ctx, input.unitId);
  const data = await loadUnitQuarter(ctx, unit, input.year, input.quarter);
  const q = data.quarter;
  const scaleCodes = [
    ...new Set(data.agreements.flatMap((a) => a.indicators.flatMap((i) => i.scaleCodes ?? []))),
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amanah';
  const rColumns = realisasiColumns(data, scaleCodes);
  const bColumns = budgetColumns(q);
  const period = quarterLabel(data.year, q);

  // ---- Petunjuk first: the sheet a person sees on opening the file ----
  const states = data.agreements.map((a) => {
    const status = a.report
      ? {
          draft: 'draf',
          returned: 'dikembalikan',
          submitted: 'diajukan',
          approved: 'disetujui',
          verified: 'diverifikasi',
        }[a.report.status]
      : 'belum dibuka';
    const editable = !a.report || a.report.status === 'draft' || a.report.status === 'returned';
    return `• ${a.title} (${a.unitName}): laporan ${status}${a.locked ? ', terkunci' : editable ? '' : ', tidak dapat diubah'}.`;
  });
  addHelpSheet(
    workbook,
    `Realisasi ${period} – ${unit.name}`,
    [
      `Batas waktu pengisian ${period}: ${data.deadline}. Setelah itu triwulan terkunci; buka kunci diajukan kepada admin Pemda.`,
      data.agreements.length
        ? `Berkas ini memuat ${data.agreements.length} PK yang sudah ditandatangani (unit ini dan unit di bawahnya) dengan ${data.agreements.reduce((n, a) => n + a.indicators.length, 0)} indikator dan ${data.agreements.reduce((n, a) => n + a.budgets.length, 0)} sub kegiatan.`
        : `Belum ada PK yang ditandatangani untuk ${unit.name} tahun ${data.year}: tidak ada yang perlu diisi.`,
      `Isi hanya kolom berlatar kuning: lembar "${REALISASI_SHEET}" kolom Realisasi TW ${roman(q)}, Analisis, Kendala, Tindak Lanjut; lembar "${BUDGET_SHEET}" kolom Realisasi TW ${roman(q)} (Rp). Kolom lain dikunci (proteksi lembar tanpa kata sandi).`,
      'Angka boleh diketik gaya Indonesia (87,5 atau 1.234.567,5) atau sebagai sel angka Excel. Angka seperti "1.234" (satu titik diikuti tiga angka) ditolak karena meragukan: tulis 1234 atau 1,234.',
      scaleCodes.length
        ? `Indikator berskala diisi dengan kode skala (pilih dari daftar di sel): ${scaleCodes.join(', ')}.`
        : 'Tidak ada indikator berskala pada berkas ini.',
      'Sel kosong berarti nilai yang tersimpan tidak diubah (bukan dihapus). Untuk mengosongkan nilai, gunakan halaman laporan triwulan.',
      'Semua atau tidak sama sekali: Amanah memeriksa seluruh berkas lebih dahulu; bila ada satu baris saja yang salah, tidak ada yang disimpan dan semua baris yang salah ditunjukkan.',
      'Kolom ID (tersembunyi) mencocokkan baris dengan indikator dan sub kegiatan: jangan diubah, dihapus, atau dipindah ke baris lain.',
      'Setelah diunggah, periksa dan ajukan laporan di halaman laporan triwulan.',
      ...(states.length ? ['Status laporan saat templat diunduh:', ...states] : []),
    ],
    [
      ...rColumns.map((c) => ({ ...c, header: `${REALISASI_SHEET}: ${c.header}` })),
      ...bColumns.map((c) => ({ ...c, header: `${BUDGET_SHEET}: ${c.header}` })),
    ],
  );

  // ---- Realisasi ----
  const rSheet = addDataSheet(workbook, REALISASI_SHEET, rColumns, 0);
  const prevCount = q - 1;
  const valueCol = 7 + prevCount;
  let rRows = 0;
  for (const a of data.agreements) {
    for (const i of a.indicators) {
      const previous: Cell[] = [];
      for (let p = 1; p < q; p++) previous.push(realisasiCell(i.year.realisasi[p - 1]));
      const row = rSheet.addRow([
        a.label,
        i.objectiveTitle,
        i.name,
        i.satuan,
        targetCell(i.year.annualTarget),
        targetCell(i.year.quarterTargets[q - 1] ?? null),
        ...previous,
        realisasiCell(i.current?.value),
        i.current?.analysis || null,
        i.current?.obstacles || null,
        i.current?.followUp || null,
        i.id,
      ]);
      rRows += 1;
      if (i.scaleCodes && i.scaleCodes.length > 0) {
        row.getCell(valueCol).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${i.scaleCodes.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Kode skala',
          error: `Pilih salah satu: ${i.scaleCodes.join(', ')}`,
        };
      }
    }
  }
  styleSheet(
    rSheet,
    rRows,
    [valueCol, valueCol + 1, valueCol + 2, valueCol + 3],
    Array.from({ length: prevCount }, (_v, k) => 7 + k),
    valueCol + 4,
  );
  await rSheet.protect('', protection);

  // ---- Anggaran ----
  const bSheet = addDataSheet(workbook, BUDGET_SHEET, bColumns, 0);
  let bRows = 0;
  for (const a of data.agreements) {
    for (const b of a.budgets) {
      bSheet.addRow([
        a.label,
        b.code,
        b.name,
        numberCell(b.ceiling),
        numberCell(b.previous),
        b.current === null ? null : numberCell(b.current),
        b.id,
      ]);
      bRows += 1;
    }
  }
  styleSheet(bSheet, bRows, [6], [5], 7);
  await bSheet.protect('', protection);

  // ---- The versions of the reports at download: the import refuses a file older than a
  // change made since (someone saved on the web after this file was made).
  const vSheet = workbook.addWorksheet(VERSION_SHEET, { state: 'veryHidden' });
  vSheet.addRow(['ID PK', 'Versi laporan']);
  for (const a of data.agreements) vSheet.addRow([a.id, a.report?.version ?? 0]);
  await vSheet.protect('', protection);

  return {
    buffer: await workbookBuffer(workbook),
    filename: `realisasi-${slug(unit.name)}-${data.year}-TW${q}.xlsx`,
  };
}
