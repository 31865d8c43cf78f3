import ExcelJS from 'exceljs';
import type { PlanNodeKind } from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';
import { targetText } from './cells.js';
import {
  aggregationLabel,
  columnList,
  methodLabel,
  nodeKindsOf,
  type PlanScope,
  planColumns,
  polarityLabel,
  sheetNames,
} from './plan-layout.js';
import {
  type ExistingIndicator,
  type ExistingNode,
  type PlanSnapshot,
  periodYears,
} from './plan-snapshot.js';
import { addDataSheet, addHelpSheet, numberCell } from './workbook.js';

/**
 * The RPJMD / Renstra workbook: the data sheet prefilled with what the database holds (so a PD
 * can edit and upload it again: an unchanged file changes nothing), the "Petunjuk" sheet, and a
 * "Contoh" sheet with example rows that the import ignores.
 */

type Cell = string | number | null;

const targetCell = (t: TargetValue | null): Cell => {
  const value = targetText(t);
  return t?.kind === 'number' && typeof value === 'string' ? numberCell(value) : value;
};

function indicatorRow(
  i: ExistingIndicator,
  snapshot: PlanSnapshot,
  years: number[],
  scope: PlanScope,
): Cell[] {
  return [
    'indikator',
    null,
    i.name,
    ...(scope === 'renstra' ? [null] : []),
    i.satuan || null,
    polarityLabel[i.polarity],
    methodLabel[i.method],
    i.scaleId ? (snapshot.scalesById.get(i.scaleId)?.key ?? null) : null,
    aggregationLabel[i.aggregation],
    i.isIku ? 'Ya' : 'Tidak',
    i.baselineYear,
    targetCell(i.baseline),
    ...years.map((y) => targetCell(i.targets.get(y) ?? null)),
    targetCell(i.endTarget),
  ];
}

function nodeRow(
  n: ExistingNode,
  snapshot: PlanSnapshot,
  years: number[],
  scope: PlanScope,
  rpjmdById: Map<string, ExistingNode>,
): Cell[] {
  const supported = n.supportsNodeId ? rpjmdById.get(n.supportsNodeId) : undefined;
  const pagu = snapshot.pagu.get(n.id);
  return [
    n.kind,
    n.code,
    n.title,
    ...(scope === 'renstra' ? [supported ? (supported.code ?? supported.title) : null] : []),
    ...Array<Cell>(8).fill(null),
    ...years.map(() => null),
    null,
    ...(scope === 'renstra'
      ? years.map((y) => {
          const amount = pagu?.get(y);
          return amount ? numberCell(amount) : null;
        })
      : []),
  ];
}

/** Rows of the existing tree in reading order: each node, its indicators, then its children. */
function treeRows(snapshot: PlanSnapshot, scope: PlanScope): Cell[][] {
  const years = periodYears(snapshot.period);
  const kinds = nodeKindsOf[scope];
  const order = (a: ExistingNode, b: ExistingNode) =>
    kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
    a.sortOrder - b.sortOrder ||
    (a.code ?? '').localeCompare(b.code ?? '') ||
    a.title.localeCompare(b.title);
  const ids = new Set(snapshot.nodes.map((n) => n.id));
  const children = new Map<string, ExistingNode[]>();
  for (const n of snapshot.nodes) {
    const key = n.parentId && ids.has(n.parentId) ? n.parentId : '';
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const indicatorsOf = new Map<string, ExistingIndicator[]>();
  for (const i of snapshot.indicators) {
    indicatorsOf.set(i.nodeId, [...(indicatorsOf.get(i.nodeId) ?? []), i]);
  }
  const rpjmdById = new Map(snapshot.rpjmdNodes.map((n) => [n.id, n]));
  const out: Cell[][] = [];
  // An RPJMD tujuan without a misi must come before the first misi row: below one, the import
  // would read it as that misi's tujuan.
  const rootOrder = (a: ExistingNode, b: ExistingNode) =>
    Number(a.kind === 'misi') - Number(b.kind === 'misi') || order(a, b);
  const walk = (parent: string) => {
    for (const n of (children.get(parent) ?? []).sort(parent === '' ? rootOrder : order)) {
      out.push(nodeRow(n, snapshot, years, scope, rpjmdById));
      const list = (indicatorsOf.get(n.id) ?? []).sort(
        (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name),
      );
      for (const i of list) out.push(indicatorRow(i, snapshot, years, scope));
      walk(n.id);
    }
  };
  walk('');
  return out;
}

function exampleRows(scope: PlanScope, years: number[]): Cell[][] {
  const targets = (values: Cell[]) => years.map((_y, i) => values[i] ?? null);
  const node = (
    kind: PlanNodeKind,
    code: string | null,
    title: string,
    supports?: string,
  ): Cell[] => [kind, code, title, ...(scope === 'renstra' ? [supports ?? null] : [])];
  const indicator = (
    name: string,
    satuan: string,
    polarity: string,
    method: string,
    scale: string | null,
    aggregation: string,
    iku: string,
    baseline: Cell,
    yearly: Cell[],
    end: Cell,
  ): Cell[] => [
    'indikator',
    null,
    name,
    ...(scope === 'renstra' ? [null] : []),
    satuan,
    polarity,
    method,
    scale,
    aggregation,
    iku,
    years[0] ? years[0] - 1 : null,
    baseline,
    ...targets(yearly),
    end,
  ];
  const pad = (row: Cell[], pagu: Cell[] = []) => {
    const width = (scope === 'renstra' ? 12 : 11) + years.length + 1;
    const base = [...row, ...Array<Cell>(Math.max(0, width - row.length)).fill(null)];
    return scope === 'renstra' ? [...base, ...years.map((_y, i) => pagu[i] ?? null)] : base;
  };
  if (scope === 'rpjmd') {
    return [
      pad(node('misi', 'M1', 'Mewujudkan masyarakat yang sehat dan cerdas')),
      pad(node('tujuan', 'T1.1', 'Meningkatkan kualitas sumber daya manusia')),
      pad(
        indicator(
          'Indeks Pembangunan Manusia',
          'indeks',
          'positif',
          'rasio',
          null,
          'terakhir',
          'Ya',
          72.5,
          [73, 73.4, 73.8, 74.2, 74.6],
          74.6,
        ),
      ),
      pad(node('sasaran', 'S1.1.1', 'Meningkatnya derajat kesehatan masyarakat')),
      pad(
        indicator(
          'Angka kematian ibu per 100.000 kelahiran hidup',
          'per 100.000 KH',
          'negatif',
          'selisih_terbalik',
          null,
          'terakhir',
          'Ya',
          98,
          [95, 92, 90, 88, 85],
          85,
        ),
      ),
      pad(
        indicator(
          'Opini BPK atas LKPD',
          'predikat',
          'positif',
          'skala',
          'opini_bpk',
          'terakhir',
          'Tidak',
          'WTP',
          ['WTP', 'WTP', 'WTP', 'WTP', 'WTP'],
          'WTP',
        ),
      ),
    ];
  }
  return [
    pad(node('tujuan', 'T1', 'Meningkatkan derajat kesehatan masyarakat', 'T1.1')),
    pad(
      node(
        'sasaran',
        'S1',
        'Meningkatnya akses layanan kesehatan dasar',
        'Meningkatnya derajat kesehatan masyarakat',
      ),
    ),
    pad(
      indicator(
        'Persentase puskesmas terakreditasi paripurna',
        '%',
        'positif',
        'rasio',
        null,
        'terakhir',
        'Ya',
        40,
        [50, 60, 70, 80, 90],
        90,
      ),
    ),
    pad(
      node(
        'program',
        '1.02.02',
        'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat',
      ),
      [1250000000, 1300000000, 1350000000, 1400000000, 1450000000],
    ),
    pad(
      node(
        'kegiatan',
        '1.02.02.2.01',
        'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota',
      ),
      [800000000],
    ),
    pad(
      indicator(
        'Jumlah fasilitas kesehatan yang direhabilitasi',
        'unit',
        'positif',
        'rasio',
        null,
        'kumulatif',
        'Tidak',
        2,
        [3, 3, 4, 4, 4],
        18,
      ),
    ),
    pad(node('sub_kegiatan', '1.02.02.2.01.0001', 'Pembangunan Puskesmas'), ['750000000,50']),
    pad(
      indicator(
        'Rasio waktu tunggu layanan (menit)',
        'menit',
        'positif',
        'rentang',
        null,
        'rata_rata',
        'Tidak',
        '30 s.d. 45',
        ['20 s.d. 30', '20 s.d. 30', '15 s.d. 25', '15 s.d. 25', '15 s.d. 20'],
        '15 s.d. 20',
      ),
    ),
  ];
}

export async function buildPlanTemplate(
  snapshot: PlanSnapshot,
  scope: PlanScope,
): Promise<ExcelJS.Workbook> {
  const years = periodYears(snapshot.period);
  const columns = columnList(planColumns(scope, years));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amanah';
  workbook.created = new Date();
  const sheet = addDataSheet(workbook, sheetNames[scope], columns);
  for (const row of treeRows(snapshot, scope)) sheet.addRow(row);
  const who =
    scope === 'rpjmd'
      ? `RPJMD ${snapshot.period.name} (${snapshot.period.startYear}–${snapshot.period.endYear})`
      : `Renstra ${snapshot.unit?.name ?? ''}, periode ${snapshot.period.name} (${snapshot.period.startYear}–${snapshot.period.endYear})`;
  addHelpSheet(
    workbook,
    `Petunjuk pengisian ${who}`,
    [
      `Isi lembar "${sheetNames[scope]}": satu baris untuk setiap ${nodeKindsOf[scope].join('/')} dan satu baris "indikator" untuk setiap indikatornya, berurutan seperti pohon rencana (induk di atas, turunannya di bawah).`,
      'Lembar ini sudah berisi data yang tersimpan. Ubah atau tambahkan baris lalu unggah kembali: baris yang sudah ada diperbarui, baris baru ditambahkan, dan tidak ada data yang dihapus. Mengunggah berkas yang sama dua kali tidak mengubah apa pun.',
      'Angka boleh ditulis gaya Indonesia (1.234,5) atau sebagai angka Excel. Angka yang meragukan seperti 1.234 (ribuan atau desimal?) ditolak; tulis 1234 atau 1,234.',
      'Amanah memeriksa seluruh berkas lebih dahulu. Bila ada satu baris saja yang salah, tidak ada yang disimpan; daftar masalah menyebut baris dan kolomnya.',
      'Lembar "Contoh" hanya contoh pengisian dan tidak ikut diimpor.',
    ],
    columns,
  );
  const example = addDataSheet(workbook, 'Contoh', columns, 0);
  for (const row of exampleRows(scope, years)) example.addRow(row);
  return workbook;
}
