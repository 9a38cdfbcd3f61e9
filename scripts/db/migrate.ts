// Applies prisma/migrations with Prisma's own schema engine (WebAssembly build), so the database
// ends up exactly as `prisma migrate deploy` would leave it, including the `_prisma_migrations`
// table, and the Prisma CLI stays usable on machines where it can download its native engine.
// Usage: `npm run db:migrate` (reads DATABASE_URL and DATABASE_MIGRATE_URL, see migrateAndGrant), or
// `import { migrate } from 'scripts/db/migrate'`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { grantAppRole, roleOf } from './app-grants';
import { noFilters, openSchemaEngine } from './schema-engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsDir = path.join(root, 'prisma/migrations');
// Serialises concurrent migrators (e.g. `npm start` and a test run on the same database).
// Distinct from Prisma's own advisory lock key (72707369) so that the engine can still take that one.
const LOCK_KEY = 72707370;

export function loadMigrations(dir = migrationsDir) {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'migration.sql'))).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** Prisma's checksum: sha256 (hex) of the migration.sql bytes. */
export const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/** Refuses to continue when an applied migration was edited afterwards or a previous one failed. */
async function checkHistory(client: pg.Client, list: ReturnType<typeof loadMigrations>) {
  const exists = await client.query(`SELECT to_regclass('_prisma_migrations') AS t`);
  if (!exists.rows[0].t) return;
  const { rows } = await client.query(
    'SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL');
  const onDisk = new Map(list.migrationDirectories.map((m) => [m.path, checksum(m.migrationFile.content.value)]));
  for (const row of rows) {
    if (!row.finished_at) {
      throw new Error(`Migration ${row.migration_name} failed earlier and is half-applied. Fix the database by hand, ` +
        `then mark it rolled back: UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}'.`);
    }
    const sum = onDisk.get(row.migration_name);
    if (sum && sum !== row.checksum) {
      throw new Error(`Migration ${row.migration_name} was modified after it was applied to this database ` +
        `(checksum ${row.checksum.slice(0, 12)}… in the database, ${sum.slice(0, 12)}… on disk). ` +
        'Restore the original file and put the change in a new migration (`npm run db:diff -- NAME`).');
    }
  }
}

/** Applies pending migrations to `databaseUrl`; returns the names applied now. */
export async function migrate(databaseUrl: string, { log = console.log }: { log?: (line: string) => void } = {}) {
  const list = loadMigrations();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await checkHistory(client, list);
    const engine = await openSchemaEngine(databaseUrl);
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: list, filters: noFilters });
      for (const name of appliedMigrationNames) log(`migrate: applied ${name}`);
      if (!appliedMigrationNames.length) log(`migrate: up to date (${list.migrationDirectories.length} migrations)`);
      return appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/**
 * What `npm run db:migrate` does: migrate as the owner (DATABASE_MIGRATE_URL, or DATABASE_URL when
 * there is no separate owner), then give the app role of DATABASE_URL its limited grants.
 */
export async function migrateAndGrant(appUrl: string, ownerUrl: string | undefined, log: (line: string) => void = console.log) {
  const migrateUrl = ownerUrl || appUrl;
  await migrate(migrateUrl, { log });
  const appRole = roleOf(appUrl);
  if (!ownerUrl || !appRole || appRole === roleOf(migrateUrl)) {
    log('migrate: WARNING: DATABASE_MIGRATE_URL is not set (or names the same role as DATABASE_URL), so the ' +
      'application connects as the owner of its tables and could truncate the audit trail or drop its trigger. ' +
      'Set DATABASE_URL to a separate role with only the grants this step gives it, and DATABASE_MIGRATE_URL to the owner.');
    return;
  }
  await grantAppRole(migrateUrl, appRole);
  log(`migrate: granted ${appRole} its application privileges (no TRUNCATE, audit trail SELECT and INSERT only)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set.');
    process.exit(1);
  }
  migrateAndGrant(url, process.env.DATABASE_MIGRATE_URL).then(() => process.exit(0), (error) => {
    console.error(`migrate: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    process.exit(1);
  });
}
