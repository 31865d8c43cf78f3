import { parseArgs } from 'node:util';
import { ensureDemoTenant } from '../../modules/demo/ensure-demo.js';
import type { Command } from '../command.js';
import { migrateAndReport, withCliDatabase } from '../database.js';
import { EXIT_OK } from '../io.js';

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'Buat Pemda demo "Kota Contoh" beserta akun demonya (sekali saja)',
  usage: `Penggunaan: amanah seed-demo

Membuat Pemda demo fiktif "Kota Contoh" dengan seluruh organisasinya dan akun demo,
lalu mencetak akun-akun tersebut. Jika sudah ada, tidak ada yang diubah.
Akun demo memakai kata sandi bersama: HANYA untuk demo, jangan di produksi.`,
  async run(args, io) {
    parseArgs({ args, options: {}, strict: true, allowPositionals: false });
    const demo = await withCliDatabase(io, async (database) => {
      await migrateAndReport(database, io);
      return ensureDemoTenant(database);
    });
    io.out(
      demo.created
        ? `Pemda demo Kota Contoh dibuat (id ${demo.tenantId}).`
        : `Pemda demo Kota Contoh sudah ada (id ${demo.tenantId}); tidak ada yang diubah.`,
    );
    io.out('');
    io.out('Akun demo (HANYA UNTUK DEMO, jangan dipakai di produksi):');
    io.out(`  ${'pengguna'.padEnd(22)} ${'kata sandi'.padEnd(18)} peran`);
    for (const login of demo.logins) {
      io.out(`  ${login.username.padEnd(22)} ${login.password.padEnd(18)} ${login.role}`);
    }
    return EXIT_OK;
  },
};
