// Runs after `npm install` / `npm ci`: builds the web app and the server so that `npm start`
// answers within seconds. Skipped when AMANAH_SKIP_BUILD=1 (e.g. installing one more package).
import { execSync } from 'node:child_process';

if (process.env.AMANAH_SKIP_BUILD === '1') process.exit(0);
execSync('npm run build', { stdio: 'inherit' });
