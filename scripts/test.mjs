// `npm test`: lint → type-check → unit + integration (PGlite, and PostgreSQL when
// TEST_DATABASE_URL or DATABASE_URL is set) → browser tests (when Chromium is present).
// With CI=true both PostgreSQL and Chromium are required: a silent skip fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const postgres = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const requireBrowser = ci || process.env.REQUIRE_BROWSER === '1';
const requirePostgres = ci || process.env.REQUIRE_POSTGRES === '1';
mkdirSync('test-results', { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✗ ${title} gagal (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

if (requirePostgres && !postgres) {
  console.error(
    '✗ CI membutuhkan PostgreSQL: set TEST_DATABASE_URL (mis. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(1);
}
if (requireBrowser && !existsSync(chromium)) {
  console.error(
    `✗ CI membutuhkan Chromium di ${chromium} untuk uji browser (apt-get install chromium).`,
  );
  process.exit(1);
}

// The PDF and certificate checks call these tools; without them those tests fail, so say why first.
const missingTools = ['pdfsig', 'pdftoppm', 'pdftotext', 'openssl'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missingTools.length > 0) {
  console.error(
    `✗ Uji PDF/tanda tangan membutuhkan ${missingTools.join(', ')} (apt-get install poppler-utils openssl).`,
  );
  process.exit(1);
}

run('lint (Biome)', 'npx', ['biome', 'check', '.']);
run('type-check (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.']);
run(
  postgres
    ? 'unit + integrasi (PGlite dan PostgreSQL)'
    : 'unit + integrasi (PGlite; PostgreSQL dilewati: TEST_DATABASE_URL tidak diset)',
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ],
  postgres ? { TEST_DATABASE_URL: postgres, REQUIRE_POSTGRES: '1' } : {},
);

let browser = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(chromium)) {
  if (!existsSync('dist/server/main.js') || !existsSync('dist/web/index.html')) {
    run('build (untuk uji browser)', 'npm', ['run', 'build']);
  }
  run(
    'uji browser (Playwright + Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
      CHROMIUM_PATH: chromium,
    },
  );
  const report = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  browser = {
    passed: report.stats.expected ?? 0,
    failed: (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0),
    skipped: report.stats.skipped ?? 0,
  };
  if (requireBrowser && browser.passed === 0) {
    console.error('✗ Uji browser tidak menjalankan satu tes pun.');
    process.exit(1);
  }
} else {
  console.log(`\n– Uji browser dilewati: Chromium tidak ada di ${chromium}.`);
}

const vitest = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
const passed = vitest.numPassedTests + browser.passed;
const failed = vitest.numFailedTests + browser.failed;
const skipped = vitest.numPendingTests + vitest.numTodoTests + browser.skipped;
console.log(`\nRingkasan: ${vitest.numPassedTests} vitest, ${browser.passed} browser lulus.`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
