import { defineConfig } from 'drizzle-kit';

// Used only to generate SQL migrations from the schema: `npm run db:generate -- --name=…`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
