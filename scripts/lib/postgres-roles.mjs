// The embedded database's roles. `postgres` (superuser, per-checkout generated password) owns the
// database and runs migrations; `railyard_app` is what the web and worker processes log in as: it
// gets only the grants scripts/db/migrate.ts hands out (no TRUNCATE, no ALTER, and only SELECT and
// INSERT on the audit trail), so the application cannot rewrite its own history.
import pg from 'pg';

export const APP_ROLE = 'railyard_app';
export const LEGACY_PASSWORD = 'postgres'; // what checkouts made before per-checkout passwords used

const connect = async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
};

/**
 * Connects as the superuser with `password`. A cluster made by an older Railyard still has the
 * fixed password: it is replaced by `password` on the spot.
 */
export async function superuserClient(port, password, log) {
  const url = (pw) => `postgresql://postgres:${encodeURIComponent(pw)}@localhost:${port}/postgres`;
  try {
    return await connect(url(password));
  } catch (error) {
    if (error.code !== '28P01' || password === LEGACY_PASSWORD) throw error;
    const client = await connect(url(LEGACY_PASSWORD)).catch(() => {
      throw new Error('The embedded Postgres refuses the password kept in .railyard/local.json: its data was made with ' +
        'other secrets. Restore the matching local.json, or delete the data directory to start afresh.');
    });
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
    log('replaced the fixed password of an older data directory with the generated one');
    return client;
  }
}

/** CREATE DATABASE and the app role unless they exist; the app role's password follows `appPassword`. */
export async function ensureDatabaseAndRoles(client, database, appPassword) {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  if (!appPassword) return;
  const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const verb = role.rowCount ? 'ALTER' : 'CREATE';
  await client.query(`${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${client.escapeLiteral(appPassword)}`);
}

/** CREATE DATABASE unless it exists (Postgres has no IF NOT EXISTS for databases). */
export async function createDatabase(adminUrl, database) {
  const client = await connect(adminUrl);
  try {
    await ensureDatabaseAndRoles(client, database);
  } finally {
    await client.end();
  }
}
