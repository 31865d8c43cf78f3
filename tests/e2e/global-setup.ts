import { existsSync } from 'node:fs';

/** Fails early with a clear message when the app was not built (the tests run the built app). */
export default function globalSetup(): void {
  for (const file of ['dist/web/index.html', 'dist/server/main.js']) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} tidak ada: jalankan \`npm run build\` sebelum \`npx playwright test\`.`,
      );
    }
  }
}
