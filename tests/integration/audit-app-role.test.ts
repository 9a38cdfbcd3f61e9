// The application's database role (DATABASE_URL: railyard_app in the embedded default and in npm
// test) cannot rewrite the audit trail: it may read and append, but TRUNCATE, disabling or dropping
// the trigger, DELETE and UPDATE are all refused by Postgres itself. Migrations run as the owner
// (DATABASE_MIGRATE_URL) and hand out exactly these grants (scripts/db/app-grants.ts).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase } from '@/prisma/seed/helpers';

const appUrl = process.env.DATABASE_URL!;
let app: pg.Client;

beforeAll(async () => {
  await resetDatabase();
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});
afterAll(() => app.end());

const insert = (id: string) => app.query(
  `INSERT INTO "AuditEntry" (id, "actorKind", "actorName", action, "subjectType", "subjectId") VALUES ($1, 'user', 'mallory', 'secret.set', 'secret', 'x')`,
  [id]);

describe('the app role and the audit trail', () => {
  it('connects as a role that owns none of the tables', async () => {
    const { rows } = await app.query(`SELECT current_user AS me, tableowner FROM pg_tables WHERE tablename = 'AuditEntry'`);
    expect(rows[0].me).not.toBe(rows[0].tableowner);
  });

  it('may append and read entries', async () => {
    await insert('app-role-1');
    const { rows } = await app.query(`SELECT "actorName" FROM "AuditEntry" WHERE id = 'app-role-1'`);
    expect(rows).toEqual([{ actorName: 'mallory' }]);
  });

  it.each([
    ['TRUNCATE', 'TRUNCATE "AuditEntry"', /permission denied/],
    ['TRUNCATE CASCADE via another table', 'TRUNCATE "User", "AuditEntry" CASCADE', /permission denied/],
    ['DISABLE TRIGGER ALL', 'ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL', /must be owner/],
    ['DISABLE the immutability trigger', 'ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_immutable"', /must be owner/],
    ['DROP TRIGGER', 'DROP TRIGGER "AuditEntry_immutable" ON "AuditEntry"', /must be owner/],
    ['replace the trigger function', `CREATE OR REPLACE FUNCTION "audit_entry_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`, /must be owner|permission denied/],
    ['DROP TABLE', 'DROP TABLE "AuditEntry"', /must be owner/],
    ['DELETE', `DELETE FROM "AuditEntry"`, /permission denied/],
    ['UPDATE', `UPDATE "AuditEntry" SET "actorName" = 'someone else'`, /permission denied/],
    ['rewrite the migration history', `DELETE FROM "_prisma_migrations"`, /permission denied/],
  ])('refuses %s', async (_name, sql, error) => {
    await expect(app.query(sql)).rejects.toThrow(error);
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM "AuditEntry" WHERE id = 'app-role-1'`);
    expect(rows[0].n).toBe(1);
  });

  it('still reads and writes the other tables it needs', async () => {
    await app.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('u-app-role', 'app-role@example.com', 'A', 'viewer', now())`);
    await app.query(`UPDATE "User" SET name = 'B' WHERE id = 'u-app-role'`);
    await app.query(`DELETE FROM "User" WHERE id = 'u-app-role'`);
  });
});
