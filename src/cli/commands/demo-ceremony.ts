import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createSecretBox, loadServerKey } from '../../modules/auth/secret-box.js';
import {
  DEMO_CEREMONY_DATE,
  DEMO_CEREMONY_PLACE,
  DEMO_SIGNING_PASSPHRASE,
  type DemoCeremonyResult,
  runDemoCeremony,
} from '../../modules/demo/demo-ceremony.js';
import { loadConfig } from '../../server/config.js';
import { type Command, cliActor } from '../command.js';
import { migrateAndReport, withCliDatabase } from '../database.js';
import { type CliIo, EXIT_FAILED, EXIT_OK, UsageError } from '../io.js';

const seconds = (ms: number) =>
  (ms / 1000).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The one line a trainer (and the smoke test) reads. */
export function summaryLine(result: DemoCeremonyResult, outDir: string): string {
  const fresh =
    result.signatures > 0
      ? `${result.signatures} tanda tangan`
      : 'tidak ada tanda tangan baru, semuanya sudah ditandatangani sebelumnya';
  return `Upacara demo selesai: ${result.pk.signed} PK dan ${result.pi.signed} Pakta Integritas ditandatangani (${fresh}) dalam ${seconds(result.ms)} s → ${outDir}`;
}

export const demoCeremonyCommand: Command = {
  name: 'demo-ceremony',
  summary: 'Jalankan upacara penandatanganan Januari Pemda demo dan tulis PDF bertanda tangan',
  usage: `Penggunaan: amanah demo-ceremony --out <direktori>

Menjalankan acara "Penandatanganan Perjanjian Kinerja dan Pakta Integritas" Pemda demo
Kota Contoh dari awal sampai akhir, pada basis data yang dikonfigurasi (Pemda demo dibuat
dahulu bila belum ada): PK kepala PD dan PK Pemda siap ditandatangani, acara dijadwalkan
(${DEMO_CEREMONY_DATE}, ${DEMO_CEREMONY_PLACE}), dokumen dibuat, setiap pejabat mendaftarkan
sertifikat dengan passphrase demo, setiap kepala PD menandatangani PK dan Pakta Integritasnya,
lalu Wali Kota menandatangani semuanya dalam satu batch.

  --out   direktori tujuan: pk-<unit>.pdf, pi-<NIP>.pdf dan laporan acara (PDF)

Passphrase demo semua pejabat: ${DEMO_SIGNING_PASSPHRASE}
HANYA untuk Pemda demo; perintah ini menolak Pemda lain. Menjalankan ulang tidak
menandatangani apa pun lagi dan menulis ulang berkasnya.`,
  async run(args, io: CliIo) {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.out?.trim()) throw new UsageError('Wajib diisi: --out <direktori>.');
    const outDir = resolve(values.out.trim());
    const config = loadConfig(io.env);
    const started = performance.now();

    const result = await withCliDatabase(io, async (database) => {
      await migrateAndReport(database, io);
      const secretBox = createSecretBox(loadServerKey(config.SECRET_KEY, config.DATA_DIR));
      io.err(`Passphrase demo semua pejabat (HANYA DEMO): ${DEMO_SIGNING_PASSPHRASE}`);
      return runDemoCeremony(
        { database, config, secretBox },
        {
          outDir,
          adminLabel: cliActor(null).username,
          log: (line) => io.err(`[${seconds(performance.now() - started)} s] ${line}`),
        },
      );
    });

    for (const f of result.failures) io.err(`Gagal: ${f.subject}: ${f.message}`);
    io.out(summaryLine(result, outDir));
    if (result.failures.length > 0) {
      io.err(
        `${result.failures.length} hal gagal (lihat di atas); yang sudah ditandatangani tetap tersimpan. Perbaiki lalu jalankan lagi.`,
      );
      return EXIT_FAILED;
    }
    return EXIT_OK;
  },
};
