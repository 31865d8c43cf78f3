import ExcelJS from 'exceljs';
import type { TenantContext } from '../access/context.js';
import { buildCascade } from '../cascade/build-cascade.js';
import type {
  CascadeAgreement,
  CascadeIndicator,
  CascadeNode,
  CascadeResult,
} from '../cascade/cascade-schemas.js';
import { targetText } from './cells.js';
import { levelLabels, statusLabels } from './export-agreements.js';
import { addDataSheet, type ColumnSpec, numberCell, workbookBuffer } from './workbook.js';

/**
 * The cascade of a year as a workbook: "Kaskade" lists every sasaran from the RPJMD down to the
 * eselon IV PKs (one row per indicator, grouped with Excel's outline by depth), "Tidak Tertaut"
 * the PK sasaran that link to nothing above, "Cakupan" the coverage figures.
 */

const columns = (year: number): ColumnSpec[] => [
  { header: 'Tingkat', width: 20, help: '' },
  { header: 'Kode', width: 12, help: '' },
  { header: 'Sasaran', width: 60, help: '' },
  { header: 'Unit', width: 32, help: '' },
  { header: 'Jabatan', width: 36, help: '' },
  { header: 'Pejabat', width: 30, help: '' },
  { header: 'Status PK', width: 18, help: '' },
  { header: 'Indikator', width: 50, help: '' },
  { header: 'Satuan', width: 12, help: '' },
  { header: `Target ${year}`, width: 14, help: '' },
  { header: 'IKU', width: 6, help: '' },
  { header: 'Tautan ke Atas', width: 18, help: '' },
];

type Cell = string | number | null;

const targetCell = (indicator: CascadeIndicator | undefined): Cell => {
  const target = indicator?.target ?? null;
  const text = targetText(target);
  return target?.kind === 'number' && typeof text === 'string' ? numberCell(text) : text;
};

const linkLabel = (via: CascadeNode['linkedVia']) =>
  via === 'pk' ? 'PK atasan' : via === 'renstra' ? 'Renstra' : 'Tidak tertaut';

function addRows(
  sheet: ExcelJS.Worksheet,
  depth: number,
  head: Cell[],
  indicators: CascadeIndicator[],
  link: string,
): void {
  const list = indicators.length ? indicators : [undefined];
  list.forEach((indicator, index) => {
    const row = sheet.addRow([
      ...(index === 0 ? head : head.map(() => null)),
      indicator?.name ?? null,
      indicator?.satuan ?? null,
      targetCell(indicator),
      indicator ? (indicator.isIku ? 'Ya' : 'Tidak') : null,
      index === 0 ? link : null,
    ]);
    row.outlineLevel = Math.min(depth, 7);
    if (index === 0 && depth === 0) row.font = { bold: true };
  });
}

function addNodes(
  sheet: ExcelJS.Worksheet,
  nodes: CascadeNode[],
  depth: number,
  agreements: Map<string, CascadeAgreement>,
): void {
  for (const node of nodes) {
    const pk = agreements.get(node.agreementId);
    addRows(
      sheet,
      depth,
      [
        pk ? levelLabels[pk.level] : null,
        null,
        `${'  '.repeat(depth)}${node.title}`,
        pk?.unitName ?? null,
        pk?.positionTitle ?? null,
        pk?.holderName ?? null,
        pk ? statusLabels[pk.status] : null,
      ],
      node.indicators,
      linkLabel(node.linkedVia),
    );
    addNodes(sheet, node.children, depth + 1, agreements);
  }
}

export function cascadeWorkbook(cascade: CascadeResult): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amanah';
  const agreements = new Map(cascade.agreements.map((a) => [a.id, a]));
  const sheet = addDataSheet(workbook, 'Kaskade', columns(cascade.year), 0);
  sheet.properties.outlineProperties = { summaryBelow: false, summaryRight: true };
  for (const root of cascade.roots) {
    addRows(
      sheet,
      0,
      ['Sasaran RPJMD', root.code, root.title, 'Pemerintah Daerah', null, null, null],
      root.indicators,
      root.carried ? 'Diemban PD' : 'Belum diemban PD',
    );
    addNodes(sheet, root.children, 1, agreements);
  }
  const unlinked = addDataSheet(workbook, 'Tidak Tertaut', columns(cascade.year), 0);
  addNodes(unlinked, cascade.unlinked, 0, agreements);

  const coverage = workbook.addWorksheet('Cakupan');
  coverage.columns = [
    { header: 'Ukuran', width: 48 },
    { header: 'Nilai', width: 14, style: { numFmt: '#,##0' } },
  ];
  coverage.getRow(1).font = { bold: true };
  const c = cascade.coverage;
  coverage.addRows([
    ['Tahun', cascade.year],
    ['Periode RPJMD', cascade.period?.name ?? '-'],
    ['Sasaran RPJMD', c.rpjmdSasaran],
    ['Sasaran RPJMD yang diemban PD', c.carried],
    ['Sasaran RPJMD yang belum diemban', c.uncarried.length],
    ['Sasaran PK yang tidak tertaut ke atas', c.brokenLinks],
    ['PK yang seharusnya ada', c.expectedAgreements],
    ['PK yang sudah ada', c.presentAgreements],
    ['PK yang belum dibuat', c.missing.length],
  ]);
  coverage.addRow([]);
  coverage.addRow(['Sasaran RPJMD yang belum diemban']).font = { bold: true };
  for (const u of c.uncarried) coverage.addRow([`${u.code ? `${u.code} ` : ''}${u.title}`]);
  coverage.addRow([]);
  coverage.addRow(['PK yang belum dibuat (unit · jabatan)']).font = { bold: true };
  for (const m of c.missing) {
    coverage.addRow([
      `${m.pdName} · ${m.unitName} · ${m.positionTitle}${m.vacant ? ' (jabatan kosong)' : ''}`,
      levelLabels[m.level],
    ]);
  }
  return workbook;
}

export async function exportCascade(
  ctx: TenantContext,
  input: { year: number; unitId?: string | undefined },
): Promise<{ buffer: Buffer; filename: string }> {
  const cascade = await buildCascade(ctx, input);
  return {
    buffer: await workbookBuffer(cascadeWorkbook(cascade)),
    filename: `kaskade-kinerja-${input.year}.xlsx`,
  };
}
