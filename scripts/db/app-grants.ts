// The application's database role gets exactly what the web and worker processes need, applied
// after every migration by the owner: read and write on the product's tables, but only SELECT and
// INSERT on the audit trail, read-only on the migration history, and, as a non-owner, no TRUNCATE,
// no ALTER TABLE (so no DISABLE TRIGGER) and no DROP. Revoking everything first makes it idempotent,
// and one transaction means the app never sees a moment without its grants.
import pg from 'pg';

/** The role name in a connection URL (decoded), or null when it has none. */
export const roleOf = (url: string) => {
  const user = new URL(url).username;
  return user ? decodeURIComponent(user) : null;
};

export async function grantAppRole(ownerUrl: string, appRole: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(appRole);
    const schema = client.escapeIdentifier((await client.query('SELECT current_schema() AS s')).rows[0].s);
    const owned = await client.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tableowner = $1`, [appRole]);
    if (owned.rowCount) {
      throw new Error(`the app role ${appRole} owns tables (${owned.rows.map((r) => r.tablename).join(', ')}): ` +
        'an owner can truncate the audit trail or drop its trigger. Make the migrate role own them (ALTER TABLE … OWNER TO).');
    }
    await client.query('BEGIN');
    for (const sql of [
      `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
      `REVOKE UPDATE, DELETE ON ${schema}."AuditEntry" FROM ${role}`,
      `REVOKE INSERT, UPDATE, DELETE ON ${schema}."_prisma_migrations" FROM ${role}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
      // Tables the owner creates later by hand get the plain grants too (migrations re-run this anyway).
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    ]) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
