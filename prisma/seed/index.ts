// `npm start` runs this after migrations: provisions the admin token (hash only), the first admin
// (and demo people) while no user exists, and, into an empty database only, the demo company.
// Past deliveries go through the real intake and are turned into runs by the worker when it starts (the reconciler picks up unprocessed events).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provisionAdminToken } from '@/server/auth/tokens';
import { disconnectDb } from '@/server/db/client';
import { env } from '@/server/env';
import { closeQueues } from '@/server/queue/enqueue';
import { closeSharedRedis } from '@/server/queue/connection';
import { listSources } from '@/server/repositories/sources';
import { ingestEvent } from '@/server/use-cases/ingest-event';
import { demoDeliveries, demoEventTypes, demoSources, demoWorkflowFiles } from './demo-data';
import { seedEventType, seedSource, seedWorkflowFile } from './helpers';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedPeople } from './people';

const root = join(import.meta.dirname, '..', '..');
const fixture = (file: string) => readFileSync(join(root, 'tests', 'fixtures', 'webhooks', file));

async function seedDemo(adminToken: string) {
  for (const source of demoSources) await seedSource(source);
  for (const [sourceKey, type, description, file] of demoEventTypes) {
    await seedEventType({ sourceKey, type, description, samplePayload: file ? JSON.parse(fixture(file).toString('utf8')) : undefined });
  }
  const baseUrl = `http://localhost:${env().PORT}`;
  for (const file of demoWorkflowFiles) {
    await seedWorkflowFile(join(import.meta.dirname, 'workflows', file), { __RAILYARD_URL__: baseUrl });
  }
  for (const d of demoDeliveries) {
    await ingestEvent({
      sourceKey: d.source,
      headers: { ...d.headers, authorization: `Bearer ${adminToken}` },
      rawBody: fixture(d.fixture),
      queryToken: null,
    });
  }
}

/** Independent of the demo data: a database without people gets its first admin (and demo people). */
async function seedFirstPeople() {
  const e = env();
  // npm start always passes a password; a hand-run seed gets a random one, printed once.
  const adminPassword = e.RAILYARD_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  if (!(await seedPeople({ adminEmail: e.RAILYARD_ADMIN_EMAIL, adminPassword, demo: e.RAILYARD_DEMO_PEOPLE }))) return;
  console.log(`[seed] first admin: ${e.RAILYARD_ADMIN_EMAIL}${e.RAILYARD_ADMIN_PASSWORD ? '' : ` / ${adminPassword}`}`);
  if (e.RAILYARD_DEMO_PEOPLE) console.log(`[seed] demo people: ${DEMO_PEOPLE.map((p) => p.email).join(', ')} (password ${DEMO_PASSWORD})`);
}

async function main() {
  const token = env().RAILYARD_ADMIN_TOKEN;
  if (!token) throw new Error('RAILYARD_ADMIN_TOKEN must be set for seeding (npm start provides it)');
  await provisionAdminToken(token);
  await seedFirstPeople();
  if ((await listSources()).length > 0) {
    console.log('[seed] database already has data; demo seed skipped');
    return;
  }
  await seedDemo(token);
  console.log(`[seed] demo data: ${demoSources.length} sources, ${demoWorkflowFiles.length} workflows, ${demoDeliveries.length} past events`);
}

main()
  .catch((err) => {
    console.error('[seed] failed:', err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeQueues();
    await closeSharedRedis();
    await disconnectDb();
  });
