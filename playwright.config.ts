import { defineConfig, devices } from '@playwright/test';

// Browser tests run against the BUILT app (`npm run build` first): the real server on its own
// port with a fresh embedded database seeded with the demo Pemda, and Debian's Chromium.
// E2E_PORT lets two people (or helpers) run browser tests side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3100);
const e2eDataDir = `test-results/e2e-data-${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: `test-results/e2e-artifacts-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // Empties DATA_DIR, then runs `node dist/server/main.js` (see the script for why).
    command: 'node tests/e2e/serve-fresh.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: e2eDataDir,
      SEED_DEMO: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
  },
});
