import { parseArgs } from 'node:util';
import { createSecretBox, loadServerKey } from '../../modules/auth/secret-box.js';
import { createTenant } from '../../modules/tenants/create-tenant.js';
import { tenantTypes, timeZones } from '../../modules/tenants/schema.js';
import { createTenantBody } from '../../modules/tenants/tenant-schemas.js';
import { loadConfig } from '../../server/config.js';
import { type Command, cliActor } from '../command.js';
import { migrateAndReport, withCliDatabase } from '../database.js';
import { EXIT_OK, UsageError } from '../io.js';

const options = {
  name: { type: 'string' },
  'short-name': { type: 'string' },
  type: { type: 'string' },
  region: { type: 'string' },
  'time-zone': { type: 'string' },
} as const;

export const createTenantCommand: Command = {
  name: 'create-tenant',
  summary: 'Buat Pemda baru dan cetak id-nya',
  usage: `Penggunaan: amanah create-tenant --name <nama> --short-name <singkatan>
         --type ${tenantTypes.join('|')} --region <kode wilayah> --time-zone <zona>

  --name        nama resmi, mis. "Pemerintah Kota Bitung"
  --short-name  nama singkat, mis. "Kota Bitung"
  --type        ${tenantTypes.join(', ')}
  --region      kode wilayah Kemendagri: "71" (provinsi) atau "71.72" (kabupaten/kota)
  --time-zone   ${timeZones.join(', ')} (WIB, WITA, WIT)

Contoh: amanah create-tenant --name "Pemerintah Kota Bitung" --short-name "Kota Bitung" \\
          --type kota --region 71.72 --time-zone Asia/Makassar`,
  async run(args, io) {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    const parsed = createTenantBody.safeParse({
      name: values.name,
      shortName: values['short-name'],
      type: values.type,
      regionCode: values.region,
      timeZone: values['time-zone'],
    });
    if (!parsed.success) {
      const flag: Record<string, string> = {
        name: '--name',
        shortName: '--short-name',
        type: '--type',
        regionCode: '--region',
        timeZone: '--time-zone',
      };
      const problems = parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const given = (values as Record<string, string | undefined>)[flag[key]?.slice(2) ?? ''];
        return `${flag[key] ?? key}: ${given === undefined ? 'wajib diisi' : issue.message}`;
      });
      throw new UsageError(`Isian tidak valid:\n  ${problems.join('\n  ')}`);
    }
    const id = await withCliDatabase(io, async (database) => {
      await migrateAndReport(database, io);
      // The same server key the server uses (SECRET_KEY or DATA_DIR/secret.key) seals the CA.
      const config = loadConfig(io.env);
      const secretBox = createSecretBox(loadServerKey(config.SECRET_KEY, config.DATA_DIR));
      return database.withSystem((tx) =>
        createTenant(tx, cliActor(null), parsed.data, null, { secretBox }),
      );
    });
    io.out(id);
    return EXIT_OK;
  },
};
