import { parseArgs } from 'node:util';
import { migrate } from '../../db/migrate.js';
import type { Command } from '../command.js';
import { withCliDatabase } from '../database.js';
import { EXIT_OK } from '../io.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Terapkan migrasi basis data yang tertunda',
  usage: `Penggunaan: amanah migrate

Menerapkan migrasi SQL yang belum diterapkan (server juga melakukannya saat mulai)
dan mencetak nama setiap migrasi yang diterapkan.`,
  async run(args, io) {
    parseArgs({ args, options: {}, strict: true, allowPositionals: false });
    const applied = await withCliDatabase(io, (database) => migrate(database));
    if (applied.length === 0) {
      io.out('Tidak ada migrasi tertunda; basis data sudah mutakhir.');
    } else {
      for (const name of applied) io.out(`Migrasi diterapkan: ${name}`);
      io.out(`${applied.length} migrasi diterapkan.`);
    }
    return EXIT_OK;
  },
};
