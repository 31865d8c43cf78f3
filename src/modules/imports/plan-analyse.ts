import type ExcelJS from 'exceljs';
import { newId } from '../../db/columns.js';
import type { CalcMethod, PlanNodeKind, Polarity } from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';
import {
  type CellRead,
  cellInteger,
  cellMoney,
  cellTarget,
  cellText,
  clip,
  normalizeTitle,
  sameTarget,
} from './cells.js';
import {
  ErrorList,
  type ImportAnalysis,
  type PreviewRow,
  type RowAction,
  SummaryCounter,
} from './import-types.js';
import {
  aggregationWords,
  codedKinds,
  codeExamples,
  codePatterns,
  methodLabel,
  methodPolarity,
  methodWords,
  nodeKindsOf,
  noWords,
  type PlanScope,
  parentKindOf,
  planColumns,
  polarityLabel,
  polarityWords,
  sheetNames,
  wordKey,
  yesWords,
} from './plan-layout.js';
import {
  type ExistingIndicator,
  type ExistingNode,
  type PlanSnapshot,
  periodYears,
  type ScaleInfo,
} from './plan-snapshot.js';
import { emptyCell, readSheet } from './sheet-reader.js';

/**
 * Reads an RPJMD or Renstra sheet against what the database holds and decides, row by row,
 * what to create, update or leave alone. Pure: the snapshot was read before, the writes are
 * carried out after (plan-write.ts), and every rule the database enforces (tree shape, code
 * formats and prefixes, method/polarity pairs, ranges, unique codes) is checked here first so
 * the user sees it as a row error instead of a refused transaction.
 */

/** A plan node as it will be written: the same columns as an existing one. */
export type NodeWrite = ExistingNode;

/** An indicator as it will be written (its targets go in `PlanWrites.targets`). */
export interface IndicatorWrite extends Omit<ExistingIndicator, 'targets'> {
  /** The IKU flag changed while the period is active (a quality finding later). */
  ikuChanged: boolean;
}

export interface PlanWrites {
  /** In tree order: a parent always comes before its children. */
  newNodes: NodeWrite[];
  nodeUpdates: NodeWrite[];
  newIndicators: IndicatorWrite[];
  indicatorUpdates: IndicatorWrite[];
  targets: { indicatorId: string; year: number; target: TargetValue }[];
  pagu: { nodeId: string; year: number; amount: string }[];
}

interface NodeRef {
  id: string;
  kind: PlanNodeKind;
  code: string | null;
  isNew: boolean;
  row: number;
}

const kindLabel: Record<PlanNodeKind | 'indikator', string> = {
  misi: 'misi',
  tujuan: 'tujuan',
  sasaran: 'sasaran',
  program: 'program',
  kegiatan: 'kegiatan',
  sub_kegiatan: 'sub kegiatan',
  indikator: 'indikator',
};

export function analysePlan(
  workbook: ExcelJS.Workbook,
  snapshot: PlanSnapshot,
  scope: PlanScope,
): ImportAnalysis<PlanWrites> {
  const sheetName = sheetNames[scope];
  const { sheet, headers, rows } = readSheet(workbook, sheetName);
  const errors = new ErrorList(sheet.name);
  const counter = new SummaryCounter();
  const previewRows: PreviewRow[] = [];
  const writes: PlanWrites = {
    newNodes: [],
    nodeUpdates: [],
    newIndicators: [],
    indicatorUpdates: [],
    targets: [],
    pagu: [],
  };
  const years = periodYears(snapshot.period);
  const layout = planColumns(scope, years);

  // ---- header row: which column holds what ------------------------------------------------
  const col = (header: string) => headers.get(normalizeTitle(header))?.col ?? null;
  const columns = {
    kind: col(layout.kind.header),
    code: col(layout.code.header),
    title: col(layout.title.header),
    supports: layout.supports ? col(layout.supports.header) : null,
    satuan: col(layout.satuan.header),
    polarity: col(layout.polarity.header),
    method: col(layout.method.header),
    scale: col(layout.scale.header),
    aggregation: col(layout.aggregation.header),
    iku: col(layout.iku.header),
    baselineYear: col(layout.baselineYear.header),
    baseline: col(layout.baseline.header),
    endTarget: col(layout.endTarget.header),
  };
  for (const required of [layout.kind, layout.title]) {
    if (col(required.header) === null) {
      errors.add(1, required.header, `Kolom "${required.header}" tidak ada di baris judul.`);
    }
  }
  const targetCols = new Map<number, number>();
  const paguCols = new Map<number, number>();
  const periodText = `${snapshot.period.startYear}–${snapshot.period.endYear}`;
  for (const { col: c, header } of headers.values()) {
    const target = /^target\s+(\d{4})$/i.exec(header);
    const pagu = /^pagu(?:\s+indikatif)?\s+(\d{4})$/i.exec(header);
    const match = target ?? pagu;
    if (!match) continue;
    const year = Number(match[1]);
    if (!years.includes(year)) {
      errors.add(1, header, `Tahun ${year} di luar periode ${periodText}.`);
      continue;
    }
    if (pagu && scope !== 'renstra') {
      errors.add(1, header, 'Pagu indikatif hanya diisi pada templat Renstra PD.');
      continue;
    }
    (target ? targetCols : paguCols).set(year, c);
  }
  if (errors.list.length > 0) {
    return { summary: {}, rows: [], errors: errors.list, totalRows: rows.length, writes };
  }

  // ---- lookups of what exists -------------------------------------------------------------
  const existingByCode = new Map<string, ExistingNode>();
  for (const n of snapshot.nodes) if (n.code) existingByCode.set(n.code, n);
  const existingByTitle = new Map<string, ExistingNode>();
  for (const n of snapshot.nodes) {
    if (codedKinds.has(n.kind)) continue;
    const key = `${n.parentId ?? ''}|${n.kind}|${normalizeTitle(n.title)}`;
    if (!existingByTitle.has(key)) existingByTitle.set(key, n);
  }
  const indicatorByKey = new Map<string, ExistingIndicator>();
  for (const i of snapshot.indicators) {
    const key = `${i.nodeId}|${normalizeTitle(i.name)}`;
    if (!indicatorByKey.has(key)) indicatorByKey.set(key, i);
  }
  const rpjmdByCode = new Map<string, ExistingNode[]>();
  const rpjmdByTitle = new Map<string, ExistingNode[]>();
  for (const n of snapshot.rpjmdNodes) {
    const add = (map: Map<string, ExistingNode[]>, key: string) =>
      map.set(key, [...(map.get(key) ?? []), n]);
    if (n.code) add(rpjmdByCode, `${n.kind}|${n.code.trim().toLowerCase()}`);
    add(rpjmdByTitle, `${n.kind}|${normalizeTitle(n.title)}`);
  }

  // ---- rows, in tree order ----------------------------------------------------------------
  const kinds = nodeKindsOf[scope];
  const allowedWords = [...kinds, 'indikator'];
  const last: Partial<Record<PlanNodeKind, NodeRef>> = {};
  let lastNode: NodeRef | null = null;
  const codesInFile = new Map<string, number>();
  const titlesInFile = new Map<string, number>();
  const indicatorsInFile = new Map<string, number>();
  const header = (c: keyof typeof layout) => {
    const spec = layout[c];
    return Array.isArray(spec) ? '' : (spec?.header ?? '');
  };

  for (const { row, cells } of rows) {
    const cell = (c: number | null): CellRead =>
      c === null ? emptyCell : (cells.get(c) ?? emptyCell);
    const text = (c: number | null) => cellText(cell(c)).trim();
    const kindWord = wordKey(text(columns.kind)).replace(/^sub_?kegiatan$/, 'sub_kegiatan');
    const title = text(columns.title).replace(/\s+/g, ' ');
    const codeText = text(columns.code);
    const preview = (kind: string, action: RowAction) =>
      previewRows.push({ sheet: sheet.name, row, kind, code: codeText || null, title, action });

    if (!kindWord) {
      errors.add(row, header('kind'), `Isi kolom Jenis: ${allowedWords.join(', ')}.`);
      preview('', 'error');
      continue;
    }
    if (!allowedWords.includes(kindWord)) {
      errors.add(
        row,
        header('kind'),
        `Jenis "${clip(text(columns.kind))}" tidak dikenal di templat ${sheetName}. Pilihan: ${allowedWords.join(', ')}.`,
      );
      preview(kindWord, 'error');
      continue;
    }

    if (kindWord === 'indikator') {
      const action = analyseIndicator(row, cells, title, lastNode);
      preview('indikator', action);
      continue;
    }

    // ---- a plan node row ------------------------------------------------------------------
    const kind = kindWord as PlanNodeKind;
    const errorsBefore = errors.list.length;
    const parentKind = parentKindOf[scope][kind] ?? null;
    const parent = parentKind ? (last[parentKind] ?? null) : null;
    // RPJMD tujuan may stand without a misi; every other child needs its parent row above.
    if (parentKind && !parent && !(scope === 'rpjmd' && kind === 'tujuan')) {
      errors.add(
        row,
        header('kind'),
        `Baris ${kindLabel[kind]} harus berada di bawah baris ${kindLabel[parentKind]} (baris ${kindLabel[parentKind]} tidak ditemukan di atasnya).`,
      );
    }
    if (title.length < 2 || title.length > 1000) {
      errors.add(row, header('title'), 'Uraian wajib diisi (2–1.000 karakter).');
    }
    const code: string | null = codeText || null;
    const pattern = codePatterns[kind];
    if (pattern) {
      if (!code) {
        errors.add(
          row,
          header('code'),
          `Kode ${kindLabel[kind]} wajib diisi, mis. ${codeExamples[kind]}.`,
        );
      } else if (!pattern.test(code)) {
        errors.add(
          row,
          header('code'),
          `Kode ${kindLabel[kind]} "${clip(code)}" tidak sesuai format Permendagri 90/2019, mis. ${codeExamples[kind]}.`,
        );
      } else if (parent?.code && (kind === 'kegiatan' || kind === 'sub_kegiatan')) {
        if (!code.startsWith(`${parent.code}.`)) {
          errors.add(
            row,
            header('code'),
            `Kode ${kindLabel[kind]} ${code} tidak diawali kode ${kindLabel[parentKind ?? kind]} di atasnya (${parent.code}).`,
          );
        }
      }
    } else if (code && code.length > 40) {
      errors.add(row, header('code'), 'Kode paling banyak 40 karakter.');
    }
    if (code) {
      const seen = codesInFile.get(code);
      if (seen !== undefined) {
        errors.add(row, header('code'), `Kode ${code} sudah dipakai di baris ${seen}.`);
      } else {
        codesInFile.set(code, row);
      }
    }

    // Which existing node this row is.
    let match: ExistingNode | null = null;
    if (codedKinds.has(kind)) {
      match = code ? (existingByCode.get(code) ?? null) : null;
      if (match && match.kind !== kind) {
        errors.add(
          row,
          header('code'),
          `Kode ${code} sudah dipakai ${kindLabel[match.kind]} "${clip(match.title)}".`,
        );
        match = null;
      }
    } else if (!parent?.isNew) {
      const key = `${parent?.id ?? ''}|${kind}|${normalizeTitle(title)}`;
      match = existingByTitle.get(key) ?? null;
    }
    if (!codedKinds.has(kind)) {
      const fileKey = `${parent ? `${parent.row}` : 'root'}|${kind}|${normalizeTitle(title)}`;
      const seen = titlesInFile.get(fileKey);
      if (seen !== undefined) {
        errors.add(
          row,
          header('title'),
          `Uraian ${kindLabel[kind]} ini sama dengan baris ${seen} di bawah induk yang sama.`,
        );
      } else {
        titlesInFile.set(fileKey, row);
      }
      if (code && !codePatterns[kind]) {
        const owner = existingByCode.get(code);
        if (owner && owner.id !== match?.id && scope === 'renstra') {
          errors.add(
            row,
            header('code'),
            `Kode ${code} sudah dipakai ${kindLabel[owner.kind]} "${clip(owner.title)}".`,
          );
        }
      }
    }

    // The RPJMD node a Renstra tujuan/sasaran supports.
    let supportsNodeId: string | null = match?.supportsNodeId ?? null;
    const supportsText = text(columns.supports);
    if (supportsText) {
      if (scope !== 'renstra' || (kind !== 'tujuan' && kind !== 'sasaran')) {
        errors.add(
          row,
          layout.supports?.header ?? '',
          'Kolom ini hanya diisi untuk baris tujuan dan sasaran.',
        );
      } else {
        const byCode = rpjmdByCode.get(`${kind}|${supportsText.toLowerCase()}`) ?? [];
        const candidates = byCode.length
          ? byCode
          : (rpjmdByTitle.get(`${kind}|${normalizeTitle(supportsText)}`) ?? []);
        if (candidates.length === 0) {
          errors.add(
            row,
            layout.supports?.header ?? '',
            `${kind === 'tujuan' ? 'Tujuan' : 'Sasaran'} RPJMD "${clip(supportsText)}" tidak ditemukan di periode ${periodText}. Tulis kode atau rumusannya persis seperti di RPJMD.`,
          );
        } else if (candidates.length > 1) {
          errors.add(
            row,
            layout.supports?.header ?? '',
            `Ada ${candidates.length} ${kind} RPJMD dengan rumusan "${clip(supportsText)}"; tulis kodenya.`,
          );
        } else {
          supportsNodeId = candidates[0]?.id ?? null;
        }
      }
    }

    // Pagu indikatif per year (program, kegiatan, sub kegiatan of a Renstra).
    const pagu: { year: number; amount: string }[] = [];
    for (const [year, c] of paguCols) {
      const read = cellMoney(cell(c));
      if (!read) continue;
      if (!codedKinds.has(kind)) {
        errors.add(
          row,
          `Pagu ${year}`,
          'Pagu hanya diisi untuk program, kegiatan dan sub kegiatan.',
        );
      } else if (!read.ok) {
        errors.add(row, `Pagu ${year}`, read.message);
      } else {
        pagu.push({ year, amount: read.value });
      }
    }
    for (const [year, c] of targetCols) {
      if (cell(c).kind !== 'empty') {
        errors.add(row, `Target ${year}`, 'Target diisi pada baris indikator di bawah baris ini.');
      }
    }

    const ok = errors.list.length === errorsBefore;
    const id = match?.id ?? newId();
    const ref: NodeRef = { id, kind, code, isNew: !match, row };
    // Later rows hang under this one; deeper levels start afresh.
    last[kind] = ref;
    for (const k of kinds.slice(kinds.indexOf(kind) + 1)) delete last[k];
    lastNode = ref;
    if (!ok) {
      preview(kind, 'error');
      continue;
    }
    const values: NodeWrite = {
      id,
      kind,
      parentId: parent?.id ?? null,
      code: code ?? match?.code ?? null,
      title,
      supportsNodeId,
      sortOrder: match?.sortOrder ?? row,
    };
    let action: 'create' | 'update' | 'unchanged';
    if (!match) {
      writes.newNodes.push(values);
      action = 'create';
    } else {
      const changed =
        match.title !== values.title ||
        match.code !== values.code ||
        match.parentId !== values.parentId ||
        match.supportsNodeId !== values.supportsNodeId;
      if (changed) writes.nodeUpdates.push(values);
      action = changed ? 'update' : 'unchanged';
    }
    counter.count(kind, action);
    const existingPagu = snapshot.pagu.get(id);
    for (const p of pagu) {
      const before = existingPagu?.get(p.year);
      if (before === p.amount) {
        counter.count('pagu', 'unchanged');
        continue;
      }
      counter.count('pagu', before === undefined ? 'create' : 'update');
      writes.pagu.push({ nodeId: id, year: p.year, amount: p.amount });
      if (action === 'unchanged') action = 'update';
    }
    preview(kind, action);
  }

  return {
    summary: counter.summary,
    rows: previewRows,
    errors: errors.list,
    totalRows: rows.length,
    writes,
  };

  // ---- an indicator row ---------------------------------------------------------------------
  function analyseIndicator(
    row: number,
    cells: Map<number, CellRead>,
    name: string,
    node: NodeRef | null,
  ): 'create' | 'update' | 'unchanged' | 'error' {
    const cell = (c: number | null): CellRead =>
      c === null ? emptyCell : (cells.get(c) ?? emptyCell);
    const text = (c: number | null) => cellText(cell(c)).trim();
    const errorsBefore = errors.list.length;
    if (!node) {
      errors.add(
        row,
        header('kind'),
        `Baris indikator harus berada di bawah baris ${nodeKindsOf[scope].join('/')} yang diukurnya.`,
      );
    }
    if (name.length < 3 || name.length > 1000) {
      errors.add(row, header('title'), 'Nama indikator wajib diisi (3–1.000 karakter).');
    }
    if (node) {
      const key = `${node.row}|${normalizeTitle(name)}`;
      const seen = indicatorsInFile.get(key);
      if (seen !== undefined) {
        errors.add(
          row,
          header('title'),
          `Indikator ini sama dengan baris ${seen} pada ${kindLabel[node.kind]} yang sama.`,
        );
      } else {
        indicatorsInFile.set(key, row);
      }
    }
    if (text(columns.code)) {
      errors.add(row, header('code'), 'Baris indikator tidak memakai kolom Kode; kosongkan.');
    }
    const match =
      node && !node.isNew
        ? (indicatorByKey.get(`${node.id}|${normalizeTitle(name)}`) ?? null)
        : null;

    const satuan = text(columns.satuan);
    if (satuan.length > 100)
      errors.add(row, header('satuan'), 'Satuan paling banyak 100 karakter.');

    const word = <T>(c: number | null, map: Record<string, T>, column: string, choices: string) => {
      const raw = text(c);
      if (!raw) return null;
      const value = map[wordKey(raw)];
      if (value === undefined) {
        errors.add(row, column, `"${clip(raw)}" tidak dikenal. Pilihan: ${choices}.`);
        return null;
      }
      return value;
    };
    const polarity = word(columns.polarity, polarityWords, header('polarity'), 'positif, negatif');
    const methodGiven = word(
      columns.method,
      methodWords,
      header('method'),
      'rasio, selisih_terbalik, rasio_terbalik, rentang, skala',
    );
    const aggregation = word(
      columns.aggregation,
      aggregationWords,
      header('aggregation'),
      'kumulatif, terakhir, rata_rata',
    );

    // Method and polarity go in pairs (indicators_method_check).
    const base = match ?? { polarity: 'positive' as Polarity, method: 'ratio' as CalcMethod };
    let method: CalcMethod = base.method;
    if (methodGiven) {
      method = methodGiven;
      if (polarity && methodPolarity[methodGiven] !== polarity) {
        errors.add(
          row,
          header('method'),
          `Metode ${methodLabel[methodGiven]} hanya untuk polaritas ${polarityLabel[methodPolarity[methodGiven]]}.`,
        );
      }
    } else if (polarity && methodPolarity[base.method] !== polarity) {
      method = polarity === 'negative' ? 'inverse_difference' : 'ratio';
    }
    const effectivePolarity = methodPolarity[method];

    let scale: ScaleInfo | null = null;
    const scaleText = text(columns.scale);
    if (method === 'scale') {
      if (scaleText) {
        scale = snapshot.scalesByKey.get(scaleText.toLowerCase()) ?? null;
        if (!scale) {
          const known = [...snapshot.scalesByKey.keys()].join(', ') || 'belum ada';
          errors.add(
            row,
            header('scale'),
            `Skala "${clip(scaleText)}" tidak dikenal. Skala Pemda: ${known}.`,
          );
        }
      } else if (match?.scaleId) {
        scale = snapshot.scalesById.get(match.scaleId) ?? null;
      } else {
        errors.add(row, header('scale'), 'Metode skala memerlukan kunci skala, mis. opini_bpk.');
      }
    } else if (scaleText) {
      errors.add(row, header('scale'), 'Kolom Skala hanya diisi untuk metode skala.');
    }

    let isIku: boolean | null = null;
    const ikuCell = cell(columns.iku);
    if (ikuCell.kind === 'boolean') isIku = ikuCell.value;
    else if (ikuCell.kind !== 'empty') {
      const raw = wordKey(cellText(ikuCell));
      if (yesWords.has(raw)) isIku = true;
      else if (noWords.has(raw)) isIku = false;
      else
        errors.add(
          row,
          header('iku'),
          `"${clip(cellText(ikuCell))}" tidak dikenal. Isi Ya atau Tidak.`,
        );
    }

    let baselineYear: number | null = null;
    const yearRead = cellInteger(cell(columns.baselineYear));
    if (yearRead && !yearRead.ok) errors.add(row, header('baselineYear'), yearRead.message);
    else if (yearRead?.ok) {
      if (yearRead.value < 2000 || yearRead.value > 2100) {
        errors.add(row, header('baselineYear'), 'Tahun baseline harus antara 2000 dan 2100.');
      } else baselineYear = yearRead.value;
    }

    const scaleForTargets = method === 'scale' && scale ? scale : null;
    const target = (c: number | null, column: string): TargetValue | null => {
      if (method === 'scale' && !scale) return null; // already reported on the Skala column
      const read = cellTarget(cell(c), scaleForTargets);
      if (!read) return null;
      if (!read.ok) {
        errors.add(row, column, read.message);
        return null;
      }
      return read.value;
    };
    const baseline = target(columns.baseline, header('baseline'));
    const endTarget = target(columns.endTarget, header('endTarget'));
    const targets = new Map<number, TargetValue>();
    for (const [year, c] of targetCols) {
      const value = target(c, `Target ${year}`);
      if (value) targets.set(year, value);
    }
    for (const [year, c] of paguCols) {
      if (cell(c).kind !== 'empty') {
        errors.add(
          row,
          `Pagu ${year}`,
          'Pagu diisi pada baris program/kegiatan/sub kegiatan, bukan baris indikator.',
        );
      }
    }
    // A method change keeps old targets of another form: refuse rather than leave them odd.
    if (match && method !== match.method && (method === 'scale' || match.method === 'scale')) {
      for (const [year, old] of match.targets) {
        const next = targets.get(year);
        if (!next && (old.kind === 'scale') !== (method === 'scale')) {
          errors.add(
            row,
            `Target ${year}`,
            `Metode berubah menjadi ${methodLabel[method]}: isi ulang target ${year} dalam bentuk yang sesuai.`,
          );
        }
      }
    }
    if (errors.list.length > errorsBefore || !node) return 'error';

    const values: IndicatorWrite = {
      id: match?.id ?? newId(),
      nodeId: node.id,
      name,
      satuan: satuan || match?.satuan || '',
      polarity: effectivePolarity,
      method,
      aggregation: aggregation ?? match?.aggregation ?? 'last',
      scaleId: method === 'scale' ? (scale?.id ?? null) : null,
      isIku: isIku ?? match?.isIku ?? false,
      baselineYear: baselineYear ?? match?.baselineYear ?? null,
      baseline: baseline ?? match?.baseline ?? null,
      endTarget: endTarget ?? match?.endTarget ?? null,
      sortOrder: match?.sortOrder ?? row,
      ikuChanged: false,
    };
    let action: 'create' | 'update' | 'unchanged';
    if (!match) {
      writes.newIndicators.push(values);
      action = 'create';
    } else {
      const changed =
        match.name !== values.name ||
        match.satuan !== values.satuan ||
        match.polarity !== values.polarity ||
        match.method !== values.method ||
        match.aggregation !== values.aggregation ||
        match.scaleId !== values.scaleId ||
        match.isIku !== values.isIku ||
        match.baselineYear !== values.baselineYear ||
        !sameTarget(match.baseline, values.baseline) ||
        !sameTarget(match.endTarget, values.endTarget);
      values.ikuChanged = match.isIku !== values.isIku && snapshot.period.status === 'active';
      if (changed) writes.indicatorUpdates.push(values);
      action = changed ? 'update' : 'unchanged';
    }
    counter.count('indikator', action);
    for (const [year, value] of targets) {
      const before = match?.targets.get(year) ?? null;
      if (sameTarget(before, value)) {
        counter.count('target', 'unchanged');
        continue;
      }
      counter.count('target', before ? 'update' : 'create');
      writes.targets.push({ indicatorId: values.id, year, target: value });
      if (action === 'unchanged') action = 'update';
    }
    return action;
  }
}
