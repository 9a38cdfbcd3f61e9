// Prisma CLI configuration (Prisma 7 keeps connection URLs out of schema.prisma).
// Used only where the Prisma CLI can run; scripts/db/migrate.ts applies the same migrations offline.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed/index.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@localhost:54320/railyard' },
});
