import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoTenant } from '../../modules/demo/ensure-demo.js';
import { openDatabase } from '../client.js';
import { migrate } from '../migrate.js';

/**
 * Build step: a PGlite database with every migration and the demo Pemda, dumped to a gzipped
 * tarball. `npm start` on a fresh clone loads it instead of running initdb (decision 0006).
 */
const out = process.argv[2] ?? 'dist/pglite-demo.tar.gz';
const dir = mkdtempSync(join(tmpdir(), 'amanah-snapshot-'));
const database = await openDatabase({ dataDir: join(dir, 'pglite') });
await migrate(database);
await ensureDemoTenant(database);
const dump = await database.dumpSnapshot?.();
await database.close();
rmSync(dir, { recursive: true, force: true });
if (!dump) throw new Error('snapshot: not a PGlite database');
writeFileSync(out, dump);
console.log(`snapshot PGlite demo: ${out} (${(dump.length / 1e6).toFixed(1)} MB)`);
