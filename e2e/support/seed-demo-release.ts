// Seeds the demo release pipeline shop-web (prisma/seed/demo-release) into the e2e database, as
// `npm start` does: its git repository, workflows, pipeline, features and sandbox secrets. Run
// under tsx (Prisma's client is ESM with import.meta), from e2e/support/demo.ts.
import { disconnectDb } from '@/server/db/client';
import { seedDemoRelease } from '@/prisma/seed/demo-release/seed-release';

const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

await seedDemoRelease({ gitDir: need('DEMO_GIT_DIR'), sandboxUrl: need('DEMO_SANDBOX_URL'), railyardUrl: need('DEMO_RAILYARD_URL') });
await disconnectDb();
