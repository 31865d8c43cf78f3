import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/client.js';
import { newId } from '../src/db/columns.js';
import { planPeriods } from '../src/modules/planning/schema.js';
import {
  createBenchTenant,
  onPglite,
  onThrowawayPostgres,
  withInProcessApp,
} from './in-process.js';

/**
 * `npm run bench:import`: a 5,000-row Renstra workbook (tujuan → sasaran → 20 programs → 200
 * kegiatan → ~2,300 sub kegiatan, an indicator with 5 yearly targets under most rows, pagu for
 * every program/kegiatan/sub kegiatan) uploaded through the real HTTP routes: preview, apply,
 * and the same file again (nothing to change). Runs on PGlite, and on PostgreSQL when
 * DATABASE_URL or TEST_DATABASE_URL points at a loopback server. Budget: 5 s for preview+apply.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEARS = [2025, 2026, 2027, 2028, 2029];
const ROWS = 5000;
const PASSWORD = 'bench-import-2026';

export async function renstraWorkbook(rows = ROWS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Renstra');
  sheet.addRow([
    'Jenis',
    'Kode',
    'Uraian',
    'Mendukung (RPJMD)',
    'Satuan',
    'Polaritas',
    'Metode',
    'Skala',
    'Agregasi',
    'IKU',
    'Tahun Baseline',
    'Baseline',
    ...YEARS.map((y) => `Target ${y}`),
    'Target Akhir',
    ...YEARS.map((y) => `Pagu ${y}`),
  ]);
  let written = 1;
  const add = (values: (string | number | null)[]) => {
    sheet.addRow(values);
    written += 1;
  };
  const node = (kind: string, code: string | null, title: string, pagu = false) =>
    add([
      kind,
      code,
      title,
      ...Array(9).fill(null),
      ...YEARS.map(() => null),
      null,
      ...YEARS.map((_y, i) => (pagu ? 100_000_000 + i * 1_250_000.5 : null)),
    ]);
  const indicator = (name: string, i: number) =>
    add([
      'indikator',
      null,
      name,
      null,
      '%',
      'positif',
      'rasio',
      null,
      'terakhir',
      i % 7 === 0 ? 'Ya' : 'Tidak',
      2024,
      50,
      ...YEARS.map((_y, k) => 55 + k * 5 + (i % 3) / 10),
      75,
    ]);
  node('tujuan', 'T1', 'Meningkatkan kualitas layanan publik');
  let n = 0;
  for (let s = 1; s <= 4; s += 1) {
    node('sasaran', `S${s}`, `Sasaran strategis ${s}`);
    indicator(`Indikator sasaran ${s}`, n++);
    for (let p = 1; p <= 5; p += 1) {
      const program = `1.02.${String((s - 1) * 5 + p).padStart(2, '0')}`;
      node('program', program, `Program ${program}`, true);
      indicator(`Indikator program ${program}`, n++);
      for (let k = 1; k <= 10; k += 1) {
        const kegiatan = `${program}.2.${String(k).padStart(2, '0')}`;
        node('kegiatan', kegiatan, `Kegiatan ${kegiatan}`, true);
        indicator(`Indikator kegiatan ${kegiatan}`, n++);
      }
    }
  }
  // Sub kegiatan (each with one indicator) spread over the 200 kegiatan until the row count.
  const remaining = rows + 1 - written;
  const perKegiatan = Math.ceil(remaining / 2 / 200);
  // Rebuild in tree order: sub kegiatan must sit under their kegiatan, so write a fresh sheet.
  const tree = new ExcelJS.Workbook();
  const out = tree.addWorksheet('Renstra');
  let budget = rows;
  sheet.eachRow((row, index) => {
    if (budget < 0) return;
    out.addRow(row.values as ExcelJS.CellValue[]);
    if (index === 1) return;
    budget -= 1;
    const kind = String(row.getCell(1).value);
    if (kind !== 'indikator') return;
    const parentRow = sheet.getRow(index - 1);
    if (String(parentRow.getCell(1).value) !== 'kegiatan') return;
    const kegiatan = String(parentRow.getCell(2).value);
    for (let j = 1; j <= perKegiatan && budget >= 2; j += 1) {
      const code = `${kegiatan}.${String(j).padStart(4, '0')}`;
      out.addRow([
        'sub_kegiatan',
        code,
        `Sub kegiatan ${code}`,
        ...Array(9).fill(null),
        ...YEARS.map(() => null),
        null,
        ...YEARS.map((_y, i) => 10_000_000 + i * 500_000.25),
      ]);
      out.addRow([
        'indikator',
        null,
        `Indikator sub kegiatan ${code}`,
        null,
        'dokumen',
        'positif',
        'rasio',
        null,
        'kumulatif',
        'Tidak',
        2024,
        1,
        ...YEARS.map((_y, k) => k + 2),
        6,
      ]);
      budget -= 2;
    }
  });
  return Buffer.from((await tree.xlsx.writeBuffer()) as ArrayBuffer);
}

async function inject(
  app: FastifyInstance,
  cookie: string,
  csrf: string,
  url: string,
  body: Buffer,
) {
  const started = performance.now();
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': XLSX },
    payload: body,
  });
  const seconds = (performance.now() - started) / 1000;
  if (res.statusCode !== 200)
    throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 400)}`);
  return { seconds, body: JSON.parse(res.body) as { summary: Record<string, unknown> } };
}

async function runOn(label: string, database: Database, file: Buffer) {
  const { tenantId, username } = await createBenchTenant(database, PASSWORD);
  return withInProcessApp(database, { username, password: PASSWORD }, async (app, cookie) => {
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie },
    });
    const csrf = (JSON.parse(session.body) as { csrfToken: string }).csrfToken;
    const unit = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { parentId: null, name: 'Dinas Bench', type: 'dinas', level: 'eselon_2' },
    });
    const unitId = (JSON.parse(unit.body) as { id: string }).id;
    const periodId = newId();
    await database.withTenant(tenantId, (tx) =>
      tx.insert(planPeriods).values({
        tenantId,
        id: periodId,
        name: 'RPJMD 2025–2029',
        startYear: 2025,
        endYear: 2029,
      }),
    );
    const query = `periodId=${periodId}&unitId=${unitId}`;
    const preview = await inject(app, cookie, csrf, `/api/imports/renstra/preview?${query}`, file);
    const apply = await inject(app, cookie, csrf, `/api/imports/renstra/apply?${query}`, file);
    const again = await inject(app, cookie, csrf, `/api/imports/renstra/apply?${query}`, file);
    const total = preview.seconds + apply.seconds;
    console.log(
      `${label.padEnd(10)} preview ${preview.seconds.toFixed(2)} s · apply ${apply.seconds.toFixed(2)} s · preview+apply ${total.toFixed(2)} s (budget 5 s: ${total <= 5 ? 'OK' : 'MISSED'}) · same file again ${again.seconds.toFixed(2)} s`,
    );
    console.log(`           created: ${JSON.stringify(apply.body.summary)}`);
    return total;
  });
}

const file = await renstraWorkbook();
const check = new ExcelJS.Workbook();
await check.xlsx.load(file as unknown as ExcelJS.Buffer);
console.log(
  `Renstra workbook: ${check.getWorksheet('Renstra')?.actualRowCount ?? 0} rows incl. header, ${(file.length / 1024).toFixed(0)} KiB`,
);
const totals: number[] = [];
totals.push(await onPglite((database) => runOn('PGlite', database, file)));
const postgresTotal = await onThrowawayPostgres('amanah_bench_import', (database) =>
  runOn('PostgreSQL', database, file),
);
if (postgresTotal === undefined) {
  console.log('PostgreSQL: lewati (set DATABASE_URL atau TEST_DATABASE_URL ke server loopback).');
} else {
  totals.push(postgresTotal);
}
if (totals.some((s) => s > 5)) process.exitCode = 1;
