import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError, forbidden } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, canWriteRenstra } from '../access/policy.js';
import { units } from '../org/schema.js';
import { budgetLines, planNodes, planPeriods } from '../planning/schema.js';
import { cellInteger, cellMoney, cellText, clip, normalizeTitle } from './cells.js';
import { importInvalid } from './import-plan.js';
import {
  ErrorList,
  type ImportAnalysis,
  type ImportPreview,
  type PreviewRow,
  SummaryCounter,
  toPreview,
} from './import-types.js';
import { findPlanUnit } from './plan-snapshot.js';
import { upsertBudgets } from './plan-write.js';
import { emptyCell, readSheet } from './sheet-reader.js';
import {
  addDataSheet,
  addHelpSheet,
  type ColumnSpec,
  numberCell,
  rupiahFormat,
  slug,
  type UploadedWorkbook,
  workbookBuffer,
} from './workbook.js';

/**
 * DPA (or DPA-Perubahan) budgets per sub kegiatan: one row per year and sub kegiatan code,
 * written to budget_lines. A code is looked up in the Renstra of the period covering the year;
 * a code used by several PD needs the PD column.
 */

export type DpaKind = 'dpa' | 'dpa_perubahan';
const SHEET = 'DPA';
const kindName: Record<DpaKind, string> = { dpa: 'DPA', dpa_perubahan: 'DPA-Perubahan' };

const dpaColumns: ColumnSpec[] = [
  { header: 'Tahun', width: 8, help: 'Wajib. Tahun anggaran, mis. 2026.' },
  {
    header: 'Kode Sub Kegiatan',
    width: 22,
    help: 'Wajib. Kode sub kegiatan Permendagri 90/2019 yang ada di Renstra PD, mis. 1.02.02.2.01.0001.',
  },
  {
    header: 'Nama Sub Kegiatan',
    width: 60,
    help: 'Hanya keterangan; tidak dibaca saat impor.',
  },
  {
    header: 'PD',
    width: 30,
    help: 'Kode atau nama Perangkat Daerah. Wajib bila kode sub kegiatan yang sama ada di Renstra beberapa PD; boleh kosong bila tidak.',
  },
  {
    header: 'Anggaran (Rp)',
    width: 22,
    numFmt: rupiahFormat,
    help: 'Anggaran dalam Rupiah, paling banyak 2 angka desimal, mis. 1250000000,50 atau 1.250.000.000,50. Sel kosong: baris dilewati (anggaran yang ada tidak diubah).',
  },
];

interface SubKegiatan {
  nodeId: string;
  code: string;
  title: string;
  startYear: number;
  endYear: number;
  unitId: string;
  unitName: string;
  unitCode: string | null;
  unitPath: string[];
}

async function loadSubKegiatan(ctx: TenantContext, unitId: string | null): Promise<SubKegiatan[]> {
  const rows = await ctx.tx
    .select({
      nodeId: planNodes.id,
      code: planNodes.code,
      title: planNodes.title,
      startYear: planPeriods.startYear,
      endYear: planPeriods.endYear,
      unitId: units.id,
      unitName: units.name,
      unitCode: units.code,
      unitPath: units.path,
    })
    .from(planNodes)
    .innerJoin(
      planPeriods,
      and(eq(planPeriods.tenantId, planNodes.tenantId), eq(planPeriods.id, planNodes.periodId)),
    )
    .innerJoin(units, and(eq(units.tenantId, planNodes.tenantId), eq(units.id, planNodes.unitId)))
    .where(
      and(
        eq(planNodes.tenantId, ctx.tenantId),
        eq(planNodes.kind, 'sub_kegiatan'),
        isNull(planNodes.archivedAt),
        unitId ? eq(planNodes.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name), asc(planNodes.code));
  return rows.map((r) => ({ ...r, code: r.code ?? '' }));
}

async function loadAmounts(
  ctx: TenantContext,
  kind: DpaKind,
  years: number[],
): Promise<Map<string, string>> {
  if (years.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ nodeId: budgetLines.nodeId, year: budgetLines.year, amount: budgetLines.amount })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.tenantId, ctx.tenantId),
        eq(budgetLines.kind, kind),
        inArray(budgetLines.year, years),
      ),
    );
  return new Map(rows.map((r) => [`${r.nodeId}|${r.year}`, r.amount]));
}

export interface DpaInput {
  kind: DpaKind;
  unitId?: string | undefined;
}

async function scopeUnit(
  ctx: TenantContext,
  unitId: string | undefined,
  purpose: 'read' | 'write',
) {
  if (!unitId) return null;
  const unit = await findPlanUnit(ctx, unitId);
  if (purpose === 'write' && !canWriteRenstra(ctx.actor, unit.path)) {
    throw forbidden(`Anda tidak berhak mengubah anggaran ${unit.name}.`);
  }
  return unit;
}

export async function buildDpaTemplateFile(
  ctx: TenantContext,
  input: DpaInput & { year: number },
): Promise<{ buffer: Buffer; filename: string }> {
  assertCan(ctx.actor, 'plans.read');
  const unit = await scopeUnit(ctx, input.unitId, 'read');
  const subs = (await loadSubKegiatan(ctx, unit?.id ?? null)).filter(
    (s) =>
      s.startYear <= input.year &&
      input.year <= s.endYear &&
      (unit !== null || canWriteRenstra(ctx.actor, s.unitPath)),
  );
  const amounts = await loadAmounts(ctx, input.kind, [input.year]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amanah';
  const sheet = addDataSheet(workbook, SHEET, dpaColumns, 0);
  for (const s of subs) {
    const amount = amounts.get(`${s.nodeId}|${input.year}`);
    sheet.addRow([
      input.year,
      s.code,
      s.title,
      s.unitCode ?? s.unitName,
      amount ? numberCell(amount) : null,
    ]);
  }
  addHelpSheet(
    workbook,
    `Petunjuk pengisian anggaran ${kindName[input.kind]} per sub kegiatan`,
    [
      `Lembar "${SHEET}" berisi satu baris per sub kegiatan dan tahun. Kode sub kegiatan harus sudah ada di Renstra PD untuk periode yang memuat tahun tersebut.`,
      subs.length
        ? `Templat ini sudah berisi ${subs.length} sub kegiatan tahun ${input.year}${unit ? ` untuk ${unit.name}` : ''}; isi kolom Anggaran lalu unggah kembali. Saat mengunggah, pilih DPA atau DPA-Perubahan.`
        : `Belum ada sub kegiatan di Renstra untuk tahun ${input.year}${unit ? ` pada ${unit.name}` : ''}. Isi Renstra PD terlebih dahulu.`,
      'Amanah memeriksa seluruh berkas lebih dahulu. Bila ada satu baris saja yang salah, tidak ada yang disimpan.',
      'Lembar "Contoh" hanya contoh pengisian dan tidak ikut diimpor.',
    ],
    dpaColumns,
  );
  const example = addDataSheet(workbook, 'Contoh', dpaColumns, 0);
  example.addRow([
    input.year,
    '1.02.02.2.01.0001',
    'Pembangunan Puskesmas',
    'DINKES',
    1250000000.5,
  ]);
  example.addRow([
    input.year,
    'X.XX.01.2.02.0001',
    'Penyusunan Dokumen Perencanaan Perangkat Daerah',
    'Dinas Kesehatan',
    '75.000.000',
  ]);
  const who = unit ? `-${slug(unit.name)}` : '';
  return {
    buffer: await workbookBuffer(workbook),
    filename: `templat-${input.kind === 'dpa' ? 'dpa' : 'dpa-perubahan'}${who}-${input.year}.xlsx`,
  };
}

interface DpaWrites {
  lines: { nodeId: string; year: number; kind: DpaKind; amount: string }[];
}

async function analyseDpa(
  ctx: TenantContext,
  input: DpaInput,
  file: UploadedWorkbook,
): Promise<ImportAnalysis<DpaWrites>> {
  // Without a unit the rows name the PD; the per-row check below decides, but nobody without
  // read access to plans learns which codes exist.
  assertCan(ctx.actor, 'plans.read');
  const unit = await scopeUnit(ctx, input.unitId, 'write');
  const { sheet, headers, rows } = readSheet(file.workbook, SHEET);
  const errors = new ErrorList(sheet.name);
  const counter = new SummaryCounter();
  const previewRows: PreviewRow[] = [];
  const writes: DpaWrites = { lines: [] };
  const col = (header: string) => headers.get(normalizeTitle(header))?.col ?? null;
  const [yearSpec, codeSpec, , unitSpec, amountSpec] = dpaColumns as [
    ColumnSpec,
    ColumnSpec,
    ColumnSpec,
    ColumnSpec,
    ColumnSpec,
  ];
  const columns = {
    year: col(yearSpec.header),
    code: col(codeSpec.header),
    unit: col(unitSpec.header),
    amount: col(amountSpec.header) ?? col('Anggaran') ?? col('Pagu DPA'),
  };
  for (const [spec, c] of [
    [yearSpec, columns.year],
    [codeSpec, columns.code],
    [amountSpec, columns.amount],
  ] as const) {
    if (c === null) errors.add(1, spec.header, `Kolom "${spec.header}" tidak ada di baris judul.`);
  }
  if (errors.list.length > 0) {
    return { summary: {}, rows: [], errors: errors.list, totalRows: rows.length, writes };
  }

  const subs = await loadSubKegiatan(ctx, unit?.id ?? null);
  const byCode = new Map<string, SubKegiatan[]>();
  for (const s of subs) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  const fileYears = new Set<number>();
  for (const { cells } of rows) {
    const y = cellInteger(
      columns.year === null ? emptyCell : (cells.get(columns.year) ?? emptyCell),
    );
    if (y?.ok) fileYears.add(y.value);
  }
  const amounts = await loadAmounts(
    ctx,
    input.kind,
    [...fileYears].filter((y) => y >= 2000 && y <= 2100),
  );
  const writable = new Map<string, boolean>();
  const seen = new Map<string, number>();

  for (const { row, cells } of rows) {
    const cell = (c: number | null) => (c === null ? emptyCell : (cells.get(c) ?? emptyCell));
    const code = cellText(cell(columns.code)).trim();
    const unitText = cellText(cell(columns.unit)).trim();
    const before = errors.list.length;
    const preview = (action: PreviewRow['action'], title = '') =>
      previewRows.push({
        sheet: sheet.name,
        row,
        kind: 'sub_kegiatan',
        code: code || null,
        title,
        action,
      });

    const amount = cellMoney(cell(columns.amount));
    const yearRead = cellInteger(cell(columns.year));
    let year: number | null = null;
    if (!yearRead) errors.add(row, yearSpec.header, 'Tahun wajib diisi, mis. 2026.');
    else if (!yearRead.ok) errors.add(row, yearSpec.header, yearRead.message);
    else if (yearRead.value < 2000 || yearRead.value > 2100) {
      errors.add(row, yearSpec.header, 'Tahun harus antara 2000 dan 2100.');
    } else year = yearRead.value;
    if (amount && !amount.ok) errors.add(row, amountSpec.header, amount.message);

    let target: SubKegiatan | null = null;
    if (!code) {
      errors.add(row, codeSpec.header, 'Kode sub kegiatan wajib diisi, mis. 1.02.02.2.01.0001.');
    } else {
      const known = byCode.get(code) ?? [];
      let candidates = known;
      if (known.length === 0) {
        errors.add(
          row,
          codeSpec.header,
          `Kode sub kegiatan ${clip(code)} tidak dikenal: tidak ada di Renstra ${unit ? unit.name : 'PD mana pun'}.`,
        );
      } else if (year !== null) {
        candidates = candidates.filter((s) => s.startYear <= year && year <= s.endYear);
        if (candidates.length === 0) {
          const spans = [...new Set(known.map((s) => `${s.startYear}–${s.endYear}`))].join(', ');
          errors.add(
            row,
            yearSpec.header,
            `Tahun ${year} di luar periode Renstra yang memuat kode ${code} (${spans}).`,
          );
        } else {
          if (unitText) {
            const wanted = normalizeTitle(unitText);
            candidates = candidates.filter(
              (s) =>
                normalizeTitle(s.unitName) === wanted ||
                (s.unitCode && normalizeTitle(s.unitCode) === wanted),
            );
            if (candidates.length === 0) {
              errors.add(
                row,
                unitSpec.header,
                `Kode ${code} tidak ada di Renstra PD "${clip(unitText)}". Periksa nama/kode PD.`,
              );
            }
          }
          if (candidates.length > 1) {
            errors.add(
              row,
              unitSpec.header,
              `Kode ${code} ada di Renstra beberapa PD (${candidates.map((s) => s.unitName).join(', ')}); isi kolom PD.`,
            );
          } else if (candidates.length === 1) {
            target = candidates[0] ?? null;
          }
        }
      }
    }
    if (target) {
      let allowed = writable.get(target.unitId);
      if (allowed === undefined) {
        allowed = canWriteRenstra(ctx.actor, target.unitPath);
        writable.set(target.unitId, allowed);
      }
      if (!allowed) {
        errors.add(row, unitSpec.header, `Anda tidak berhak mengubah anggaran ${target.unitName}.`);
      }
      const key = `${target.nodeId}|${year}`;
      const dup = seen.get(key);
      if (dup !== undefined) {
        errors.add(
          row,
          codeSpec.header,
          `Sub kegiatan ${code} tahun ${year} sudah ada di baris ${dup}.`,
        );
      } else {
        seen.set(key, row);
      }
    }
    if (errors.list.length > before || !target || year === null) {
      preview('error', target?.title ?? '');
      continue;
    }
    if (!amount) {
      preview('skip', target.title);
      continue;
    }
    if (!amount.ok) continue;
    const existing = amounts.get(`${target.nodeId}|${year}`);
    const action =
      existing === amount.value ? 'unchanged' : existing === undefined ? 'create' : 'update';
    counter.count(input.kind, action);
    if (action !== 'unchanged') {
      writes.lines.push({ nodeId: target.nodeId, year, kind: input.kind, amount: amount.value });
    }
    preview(action, target.title);
  }
  return {
    summary: counter.summary,
    rows: previewRows,
    errors: errors.list,
    totalRows: rows.length,
    writes,
  };
}

export async function previewDpaImport(
  ctx: TenantContext,
  input: DpaInput,
  file: UploadedWorkbook,
): Promise<ImportPreview> {
  return toPreview(await analyseDpa(ctx, input, file), file.sha256);
}

export async function applyDpaImport(ctx: TenantContext, input: DpaInput, file: UploadedWorkbook) {
  const analysis = await analyseDpa(ctx, input, file);
  if (analysis.errors.length > 0) throw importInvalid(toPreview(analysis, file.sha256));
  if (analysis.totalRows === 0) {
    throw new AppError('IMPORT_INVALID', 'Lembar DPA tidak berisi baris data.', { rows: [] });
  }
  await upsertBudgets(ctx, analysis.writes.lines);
  await ctx.audit({
    action: 'import.dpa',
    entityType: 'budget',
    entityId: input.unitId ?? null,
    data: {
      kind: input.kind,
      unitId: input.unitId ?? null,
      sha256: file.sha256,
      rows: analysis.totalRows,
      summary: analysis.summary,
    },
  });
  return { sha256: file.sha256, summary: analysis.summary, totalRows: analysis.totalRows };
}
