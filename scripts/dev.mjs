// `npm run dev`: the API with reload on change (tsx watch, port 3000) and the Vite dev server with
// hot module replacement (port 5173) that proxies /api to it. Ctrl+C stops both.
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '3000';
const children = [];

function run(name, command, args, env) {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} berhenti (${signal ?? code}); menghentikan semua proses.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 300);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('API', 'npx', ['tsx', 'watch', 'src/server/main.ts'], { SERVE_WEB: 'false', PORT: apiPort });
run('Vite', 'npx', ['vite', '--port', '5173', '--strictPort'], {
  AMANAH_API_URL: `http://127.0.0.1:${apiPort}`,
});

setTimeout(() => {
  console.log('\n[dev] Aplikasi web (hot reload): http://localhost:5173');
  console.log(
    `[dev] API: http://127.0.0.1:${apiPort}/api  ·  dokumentasi: http://127.0.0.1:${apiPort}/api/docs\n`,
  );
}, 1500);
