import { ensureDemoTenant } from '../modules/demo/ensure-demo.js';
import { buildApp } from './app.js';
import { startBackgroundJobs } from './background.js';
import { openServices, seedsDemo } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/** `npm start`: configuration → database → migrations → demo data (embedded mode) → listen. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const started = performance.now();
  const services = await openServices(config);
  if (seedsDemo(config)) {
    const demo = await ensureDemoTenant(services.database);
    if (demo.created) logger.info('Data demo Kota Contoh dibuat');
    printDemoLogins(demo.logins);
  }
  const app = await buildApp(services, { logger });
  let jobs: { stop(): Promise<void> } | null = null;
  const close = async () => {
    await jobs?.stop();
    await app.close();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  // Reminders and the e-mail outbox (never in tests' buildApp).
  jobs = startBackgroundJobs(services, logger);
  logger.info(
    `Amanah siap di http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} ` +
      `(${services.database.kind}, ${Math.round(performance.now() - started)} ms)`,
  );
}

function printDemoLogins(logins: { username: string; password: string; role: string }[]): void {
  const lines = logins.map((l) => `  ${l.username.padEnd(22)} ${l.password.padEnd(18)} ${l.role}`);
  console.log(
    [
      '',
      'Akun demo (HANYA UNTUK DEMO, jangan dipakai di produksi):',
      `  ${'pengguna'.padEnd(22)} ${'kata sandi'.padEnd(18)} peran`,
      ...lines,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error('Amanah gagal dijalankan:', error instanceof Error ? error.message : error);
  process.exit(1);
});
