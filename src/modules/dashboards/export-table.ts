import type { z } from 'zod';
import type { Capaian } from '../../shared/capaian/index.js';
import { capaianBands } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import type { TargetValue } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import {
  type TableCellValue,
  type TableColumn,
  tableWorkbook,
} from '../monitoring/excel/table-workbook.js';
import { getAppreciation } from './appreciation.js';
import { absorptionOf } from './dashboard-common.js';
import type { exportQuery } from './dashboard-schemas.js';
import { exportTables } from './dashboard-schemas.js';
import { getIndicatorDashboard } from './indicator-dashboard.js';
import { getPemdaDashboard } from './pemda-dashboard.js';
import { getUnitDashboard } from './unit-dashboard.js';

type Row = Record<string, TableCellValue>;

interface Table {
  title: string;
  subtitle: string;
  columns: TableColumn[];
  rows: Row[];
  /** File name without extension. */
  name: string;
  bandLabels: Record<string, string>;
}

const tw = ['TW I', 'TW II', 'TW III', 'TW IV'] as const;

export const reportStatusLabels: Record<string, string> = {
  none: 'Belum dibuka',
  draft: 'Draf',
  submitted: 'Diajukan',
  approved: 'Disetujui',
  verified: 'Diverifikasi',
  returned: 'Dikembalikan',
};

export const quadrantLabels: Record<string, string> = {
  on_track: 'Sesuai rencana',
  efficient: 'Hemat dan berhasil',
  spending_without_results: 'Belanja tanpa hasil',
  lagging: 'Tertinggal',
};

const sourceLabels: Record<string, string> = {
  indicators: 'Indikator PK Pemda',
  cascade: 'Kaskade PK kepala PD',
  none: '-',
};

/** The capaian cell: the engine's value, "-" when not assessed (never 0). */
const pct = (c: Capaian): string => (c.assessed ? c.value : '-');
const band = (c: Capaian): string => (c.assessed ? c.band : '-');
const target = (t: TargetValue | null): string => {
  if (!t) return '';
  if (t.kind === 'number') return t.value;
  if (t.kind === 'range') return `${t.low}–${t.high}`;
  return t.code;
};
const realisasi = (
  r: { kind: 'number'; value: string } | { kind: 'scale'; code: string } | null,
) => (r === null ? '' : r.kind === 'number' ? r.value : r.code);

/**
 * A dashboard table as an xlsx file: the same rows the page's table shows, built from the same
 * use case (so the same figures and the same counted basis), written by tableWorkbook.
 */
export async function exportDashboardTable(
  ctx: TenantContext,
  query: z.infer<typeof exportQuery>,
): Promise<{ buffer: Buffer; filename: string }> {
  const tables: readonly string[] = exportTables[query.view];
  if (!tables.includes(query.table)) {
    throw new AppError(
      'BAD_REQUEST',
      `Tabel "${query.table}" tidak ada pada dasbor ini. Pilihan: ${tables.join(', ')}.`,
      { allowed: tables },
    );
  }
  const table = await buildTable(ctx, query);
  const buffer = await tableWorkbook({
    title: table.title,
    subtitle: table.subtitle,
    columns: table.columns,
    rows: table.rows,
    sheetName: table.title,
    bandLabels: table.bandLabels,
  });
  return { buffer, filename: `${table.name}.xlsx` };
}

async function buildTable(ctx: TenantContext, query: z.infer<typeof exportQuery>): Promise<Table> {
  const period = { year: query.year, quarter: query.quarter };
  switch (query.view) {
    case 'pemda': {
      const d = await getPemdaDashboard(ctx, period);
      const labels = Object.fromEntries(d.bands.map((b) => [b.key, b.label]));
      const subtitle = `Tahun ${d.year}, ${tw[d.quarter - 1]} · ${d.basis.description}`;
      const name = `dasbor-pemda-${query.table}-${d.year}-tw${d.quarter}`;
      switch (query.table) {
        case 'units':
          return {
            title: 'Peringkat Perangkat Daerah',
            subtitle,
            name,
            bandLabels: labels,
            columns: [
              { key: 'rank', label: 'Peringkat', kind: 'number', width: 10 },
              { key: 'unit', label: 'Perangkat Daerah', kind: 'text' },
              { key: 'capaian', label: 'Capaian s.d. triwulan (%)', kind: 'percent' },
              { key: 'band', label: 'Kategori', kind: 'band' },
              ...tw.map((label, i) => ({
                key: `tw${i + 1}`,
                label: `Capaian ${label} (%)`,
                kind: 'percent' as const,
              })),
              { key: 'previous', label: `Capaian ${d.year - 1} (%)`, kind: 'percent' },
              { key: 'ceiling', label: 'Pagu (Rp)', kind: 'rupiah' },
              { key: 'realised', label: 'Realisasi anggaran (Rp)', kind: 'rupiah' },
              { key: 'absorption', label: 'Serapan (%)', kind: 'percent' },
              { key: 'indicators', label: 'Indikator', kind: 'number', width: 10 },
              { key: 'assessed', label: 'Dinilai', kind: 'number', width: 10 },
              { key: 'status', label: 'Status laporan', kind: 'text', width: 16 },
              { key: 'late', label: 'Terlambat', kind: 'text', width: 10 },
            ],
            rows: d.units.map((u) => ({
              rank: u.rank,
              unit: u.unitName,
              capaian: pct(u.capaian),
              band: band(u.capaian),
              tw1: u.trend[0] ?? '-',
              tw2: u.trend[1] ?? '-',
              tw3: u.trend[2] ?? '-',
              tw4: u.trend[3] ?? '-',
              previous: pct(u.previousYear),
              ceiling: u.budgetCeiling,
              realised: u.budgetRealised,
              absorption: u.absorption ?? '-',
              indicators: u.indicators,
              assessed: u.assessed,
              status: reportStatusLabels[u.reportStatus],
              late: u.late ? 'Ya' : 'Tidak',
            })),
          };
        case 'objectives':
          return {
            title: 'Capaian per Sasaran RPJMD',
            subtitle,
            name,
            bandLabels: labels,
            columns: [
              { key: 'title', label: 'Sasaran', kind: 'text', width: 48 },
              { key: 'capaian', label: 'Capaian (%)', kind: 'percent' },
              { key: 'band', label: 'Kategori', kind: 'band' },
              { key: 'source', label: 'Sumber angka', kind: 'text', width: 24 },
              { key: 'indicators', label: 'Indikator PK Pemda', kind: 'number' },
              { key: 'assessed', label: 'Dinilai', kind: 'number', width: 10 },
              { key: 'cascade', label: 'Capaian kaskade PD (%)', kind: 'percent' },
              { key: 'supporting', label: 'Indikator PD pendukung', kind: 'number' },
            ],
            rows: d.objectives.map((o) => ({
              title: o.title,
              capaian: pct(o.capaian),
              band: band(o.capaian),
              source: sourceLabels[o.source],
              indicators: o.indicators,
              assessed: o.assessed,
              cascade: pct(o.cascadeCapaian),
              supporting: o.supportingIndicators,
            })),
          };
        case 'late':
          return {
            title: 'Perangkat Daerah Terlambat Melapor',
            subtitle,
            name,
            bandLabels: labels,
            columns: [
              { key: 'unit', label: 'Perangkat Daerah', kind: 'text' },
              { key: 'missing', label: 'PK belum diajukan', kind: 'number' },
              { key: 'deadline', label: 'Batas waktu', kind: 'text', width: 14 },
              { key: 'days', label: 'Hari terlambat', kind: 'number' },
            ],
            rows: d.lateUnits.map((l) => ({
              unit: l.unitName,
              missing: l.missing,
              deadline: l.deadline,
              days: l.daysLate,
            })),
          };
        case 'scatter':
          return {
            title: 'Capaian dan Serapan Anggaran',
            subtitle: `${subtitle} · Garis: capaian ${d.scatterThresholds.capaian} %, serapan ${d.scatterThresholds.absorption} %`,
            name,
            bandLabels: labels,
            columns: [
              { key: 'unit', label: 'Perangkat Daerah', kind: 'text' },
              { key: 'capaian', label: 'Capaian (%)', kind: 'percent' },
              { key: 'absorption', label: 'Serapan (%)', kind: 'percent' },
              { key: 'quadrant', label: 'Kuadran', kind: 'text', width: 22 },
            ],
            rows: d.scatter.map((s) => ({
              unit: s.unitName,
              capaian: s.capaian,
              absorption: s.absorption,
              quadrant: quadrantLabels[s.quadrant],
            })),
          };
        case 'trend':
          return {
            title: 'Tren Capaian Pemda',
            subtitle,
            name,
            bandLabels: labels,
            columns: [
              { key: 'year', label: 'Tahun', kind: 'text', width: 10 },
              { key: 'quarter', label: 'Triwulan', kind: 'text', width: 10 },
              { key: 'capaian', label: 'Capaian (%)', kind: 'percent' },
              { key: 'band', label: 'Kategori', kind: 'band' },
            ],
            rows: d.trend.map((p) => ({
              year: String(p.year),
              quarter: tw[p.quarter - 1],
              capaian: pct(p.capaian),
              band: band(p.capaian),
            })),
          };
        default: {
          return {
            title: 'Sebaran Indikator per Kategori',
            subtitle,
            name,
            bandLabels: labels,
            columns: [
              { key: 'band', label: 'Kategori', kind: 'band' },
              { key: 'count', label: 'Indikator', kind: 'number' },
              { key: 'share', label: 'Persentase (%)', kind: 'percent' },
            ],
            rows: [
              ...capaianBands.map((b) => ({
                band: b,
                count: d.summary.bandCounts[b],
                share: share(d.summary.bandCounts[b], d.summary.indicators),
              })),
              {
                band: 'Tidak dinilai',
                count: d.summary.notAssessed,
                share: share(d.summary.notAssessed, d.summary.indicators),
              },
            ],
          };
        }
      }
    }
    case 'unit': {
      if (!query.unitId) {
        throw new AppError('BAD_REQUEST', 'Pilih unit (unitId) untuk mengunduh tabel dasbor unit.');
      }
      const d = await getUnitDashboard(ctx, query.unitId, period);
      const labels = Object.fromEntries(d.bands.map((b) => [b.key, b.label]));
      const subtitle = `${d.unit.name} · Tahun ${d.year}, ${tw[d.quarter - 1]} · ${d.basis.description}`;
      const name = `dasbor-unit-${query.table}-${d.year}-tw${d.quarter}`;
      if (query.table === 'children') {
        return {
          title: 'Capaian Unit Eselon III/IV',
          subtitle,
          name,
          bandLabels: labels,
          columns: [
            { key: 'unit', label: 'Unit', kind: 'text' },
            { key: 'capaian', label: 'Capaian (%)', kind: 'percent' },
            { key: 'band', label: 'Kategori', kind: 'band' },
            { key: 'indicators', label: 'Indikator', kind: 'number' },
            { key: 'assessed', label: 'Dinilai', kind: 'number' },
            { key: 'status', label: 'Status laporan', kind: 'text', width: 16 },
          ],
          rows: d.children.map((c) => ({
            unit: c.unitName,
            capaian: pct(c.capaian),
            band: band(c.capaian),
            indicators: c.indicators,
            assessed: c.assessed,
            status: reportStatusLabels[c.reportStatus],
          })),
        };
      }
      if (query.table === 'budget') {
        return {
          title: 'Realisasi Anggaran',
          subtitle,
          name,
          bandLabels: labels,
          columns: [
            { key: 'program', label: 'Program', kind: 'text' },
            { key: 'kegiatan', label: 'Kegiatan', kind: 'text' },
            { key: 'code', label: 'Kode sub kegiatan', kind: 'text', width: 20 },
            { key: 'sub', label: 'Sub kegiatan', kind: 'text' },
            { key: 'ceiling', label: 'Pagu (Rp)', kind: 'rupiah' },
            ...tw.map((label, i) => ({
              key: `tw${i + 1}`,
              label: `Realisasi ${label} (Rp)`,
              kind: 'rupiah' as const,
            })),
            { key: 'toDate', label: 'Realisasi s.d. triwulan (Rp)', kind: 'rupiah' },
            { key: 'absorption', label: 'Serapan (%)', kind: 'percent' },
          ],
          rows: d.budgets.map((b) => ({
            program: b.programName,
            kegiatan: b.kegiatanName,
            code: b.subKegiatanCode,
            sub: b.subKegiatanName,
            ceiling: b.ceiling,
            tw1: b.realised[0],
            tw2: b.realised[1],
            tw3: b.realised[2],
            tw4: b.realised[3],
            toDate: b.realisedToDate,
            absorption: b.absorption ?? '-',
          })),
        };
      }
      return {
        title: 'Indikator Kinerja Unit',
        subtitle,
        name,
        bandLabels: labels,
        columns: [
          { key: 'pk', label: 'PK', kind: 'text', width: 28 },
          { key: 'objective', label: 'Sasaran', kind: 'text' },
          { key: 'indicator', label: 'Indikator', kind: 'text', width: 40 },
          { key: 'satuan', label: 'Satuan', kind: 'text', width: 12 },
          { key: 'iku', label: 'IKU', kind: 'text', width: 6 },
          { key: 'annual', label: 'Target tahunan', kind: 'number' },
          ...tw.map((label, i) => ({
            key: `r${i + 1}`,
            label: `Realisasi ${label}`,
            kind: 'number' as const,
          })),
          { key: 'quarterCapaian', label: 'Capaian triwulan (%)', kind: 'percent' },
          { key: 'toDate', label: 'Capaian s.d. triwulan (%)', kind: 'percent' },
          { key: 'annualCapaian', label: 'Capaian thd target tahunan (%)', kind: 'percent' },
          { key: 'band', label: 'Kategori', kind: 'band' },
          { key: 'status', label: 'Status laporan', kind: 'text', width: 16 },
        ],
        rows: d.agreements.flatMap((a) =>
          a.indicators.map((i) => ({
            pk: `${a.positionTitle} (${a.unitName})`,
            objective: i.objectiveTitle,
            indicator: i.name,
            satuan: i.satuan,
            iku: i.isIku ? 'Ya' : '',
            annual: target(i.annualTarget),
            r1: realisasi(i.realisasi[0] ?? null),
            r2: realisasi(i.realisasi[1] ?? null),
            r3: realisasi(i.realisasi[2] ?? null),
            r4: realisasi(i.realisasi[3] ?? null),
            quarterCapaian: pct(i.capaian.quarter),
            toDate: pct(i.capaian.toDate),
            annualCapaian: pct(i.capaian.annual),
            band: band(i.capaian.toDate),
            status: reportStatusLabels[i.reportStatus],
          })),
        ),
      };
    }
    case 'indicator': {
      if (!query.indicatorId) {
        throw new AppError(
          'BAD_REQUEST',
          'Pilih indikator (indicatorId) untuk mengunduh tabelnya.',
        );
      }
      const d = await getIndicatorDashboard(ctx, query.indicatorId, { year: query.year });
      const labels = Object.fromEntries(d.bands.map((b) => [b.key, b.label]));
      const columns: TableColumn[] = [
        { key: 'year', label: 'Tahun', kind: 'text', width: 8 },
        { key: 'annual', label: 'Target tahunan', kind: 'number' },
      ];
      tw.forEach((label, i) => {
        columns.push(
          { key: `t${i + 1}`, label: `Target ${label}`, kind: 'number' },
          { key: `r${i + 1}`, label: `Realisasi ${label}`, kind: 'number' },
          { key: `c${i + 1}`, label: `Capaian s.d. ${label} (%)`, kind: 'percent' },
        );
      });
      columns.push({ key: 'annualCapaian', label: 'Capaian tahunan (%)', kind: 'percent' });
      return {
        title: 'Riwayat Indikator',
        subtitle: `${d.indicator.name} (${d.indicator.satuan}) · ${d.basis.description}`,
        name: `dasbor-indikator-${query.table}`,
        bandLabels: labels,
        columns,
        rows: d.years.map((y) => {
          const row: Row = {
            year: String(y.year),
            annual: target(y.annualTarget),
            annualCapaian: pct(y.capaianAnnual),
          };
          for (let i = 0; i < 4; i += 1) {
            row[`t${i + 1}`] = target(y.quarterTargets[i] ?? null);
            row[`r${i + 1}`] = realisasi(y.realisasi[i] ?? null);
            row[`c${i + 1}`] = y.capaianToDate[i] ? pct(y.capaianToDate[i] as Capaian) : '-';
          }
          return row;
        }),
      };
    }
    case 'appreciation': {
      const d = await getAppreciation(ctx, period);
      const labels = Object.fromEntries(d.bands.map((b) => [b.key, b.label]));
      return {
        title: 'Usulan Apresiasi dan Evaluasi',
        subtitle: `Tahun ${d.year}, ${tw[d.quarter - 1]} · bobot IKU ${d.settings.ikuWeight}×, ambang evaluasi ${d.settings.evaluationThreshold} % · ${d.basis.description}`,
        name: `apresiasi-${d.year}-tw${d.quarter}`,
        bandLabels: labels,
        columns: [
          { key: 'rank', label: 'Peringkat', kind: 'number', width: 10 },
          { key: 'unit', label: 'Perangkat Daerah', kind: 'text' },
          { key: 'score', label: 'Nilai (%)', kind: 'percent' },
          { key: 'band', label: 'Kategori', kind: 'band' },
          { key: 'indicators', label: 'Indikator', kind: 'number', width: 10 },
          { key: 'iku', label: 'IKU', kind: 'number', width: 8 },
          { key: 'assessed', label: 'Dinilai', kind: 'number', width: 10 },
          { key: 'proposal', label: 'Usulan', kind: 'text', width: 14 },
          { key: 'notes', label: 'Catatan supervisi', kind: 'text', width: 60 },
        ],
        rows: d.ranking.map((r) => ({
          rank: r.rank,
          unit: r.unitName,
          score: r.score ?? '-',
          band: r.band ?? '-',
          indicators: r.indicators,
          iku: r.iku,
          assessed: r.assessed,
          proposal:
            r.proposal === 'appreciation'
              ? 'Apresiasi'
              : r.proposal === 'evaluation'
                ? 'Evaluasi'
                : '',
          notes: r.notes.map((n) => `${tw[n.quarter - 1]} · ${n.authorName}: ${n.note}`).join('\n'),
        })),
      };
    }
  }
}

/** count / total × 100, half-up 2 decimals (a share of indicators, not capaian). */
function share(count: number, total: number): string {
  return absorptionOf(String(count), String(total)) ?? '-';
}
