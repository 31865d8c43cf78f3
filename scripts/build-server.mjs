// Bundles the server and the CLI into dist/ (dependencies stay in node_modules) and copies the
// SQL migrations beside them, so `npm start` runs plain JavaScript and starts fast.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server/main.js' });
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js' });
await build({
  ...common,
  entryPoints: ['src/db/snapshot/make-demo-snapshot.ts'],
  outfile: 'dist/server/make-demo-snapshot.js',
});
for (const dir of ['dist/server/migrations', 'dist/cli/migrations']) {
  mkdirSync(dir, { recursive: true });
  cpSync('src/db/migrations', dir, { recursive: true });
}

// The demo database snapshot that makes the first `npm start` fast (decision 0006).
execFileSync(process.execPath, ['dist/server/make-demo-snapshot.js', 'dist/pglite-demo.tar.gz'], {
  stdio: 'inherit',
});
