// `node scripts/dev-services.mjs SLOT`: a private Postgres and Redis for running a few test files by
// hand while developing (SLOT 1..9 picks ports 5440+SLOT / 6400+SLOT and .railyard/dev-SLOT/).
// Writes .railyard/dev-SLOT/env.sh with the variables `npm test` sets, then keeps running until
// Ctrl-C. Use it as:
//   node scripts/dev-services.mjs 3 &   # wait for "ready"
//   . .railyard/dev-3/env.sh && npx vitest run tests/integration/some.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onShutdownSignal, run } from './lib/processes.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { startRedis } from './lib/redis.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const slot = Number(process.argv[2] ?? 1);
if (!Number.isInteger(slot) || slot < 1 || slot > 9) throw new Error('usage: node scripts/dev-services.mjs SLOT (1..9)');
const dir = path.join(root, `.railyard/dev-${slot}`);
fs.rmSync(dir, { recursive: true, force: true });

const pg = await startPostgres({ dataDir: path.join(dir, 'pg'), port: 5440 + slot, database: 'railyard_test', fast: true, fresh: true });
const redis = await startRedis({ dir: path.join(dir, 'redis'), port: 6400 + slot });
const env = {
  DATABASE_URL: pg.appUrl, // as in npm test: the app role, owner only for resets and migrations
  DATABASE_OWNER_URL: pg.ownerUrl,
  REDIS_URL: redis.url,
  RAILYARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  RAILYARD_ADMIN_TOKEN: 'ry_test_admin_token_not_secret',
  NEXTAUTH_SECRET: 'test-nextauth-secret-not-secret',
  NEXTAUTH_URL: 'http://localhost:3100',
  NEXT_TELEMETRY_DISABLED: '1',
};
onShutdownSignal(async () => {
  await redis.stop().catch(() => {});
  await pg.stop().catch(() => {});
  process.exit(0);
});
const code = await run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/db/migrate.ts'], { cwd: root, env: { ...process.env, ...env, DATABASE_MIGRATE_URL: pg.ownerUrl } });
if (code !== 0) throw new Error('migrate failed');
fs.writeFileSync(path.join(dir, 'env.sh'), Object.entries(env).map(([k, v]) => `export ${k}='${v}'`).join('\n') + '\n');
console.log(`[dev-services] ready: . ${path.relative(root, dir)}/env.sh`);
setInterval(() => {}, 1 << 30);
