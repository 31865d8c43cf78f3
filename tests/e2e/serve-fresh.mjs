// The Playwright webServer: empties DATA_DIR, then starts the built server (dist/server/main.js),
// which seeds the demo Pemda into the fresh database. Playwright starts the webServer before
// globalSetup runs, so the clean-up has to happen here rather than in globalSetup.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dataDir = process.env.DATA_DIR;
if (!dataDir || !resolve(dataDir).includes('test-results')) {
  console.error(
    'serve-fresh: DATA_DIR harus berada di bawah test-results/ (pengaman penghapusan).',
  );
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
await import('../../dist/server/main.js');
