// The demo company, seeded into an empty database: sources, event types, workflows, past deliveries
// (through the real intake; the worker turns them into runs when it starts) and the demo release
// pipeline shop-web with its git repository (prisma/seed/demo-release). Shared by `npm start`'s
// seed (prisma/seed/index.ts) and the demo-release integration test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestEvent } from '@/server/use-cases/ingest-event';
import { demoDeliveries, demoEventTypes, demoSources, demoWorkflowFiles } from './demo-data';
import { seedDemoRelease, type DemoReleaseOptions } from './demo-release/seed-release';
import { seedEventType, seedSource, seedWorkflowFile } from './helpers';

const root = join(import.meta.dirname, '..', '..');
const fixture = (file: string) => readFileSync(join(root, 'tests', 'fixtures', 'webhooks', file));

export type DemoOptions = Omit<DemoReleaseOptions, 'now'>;

export async function seedDemo(adminToken: string, opts: DemoOptions) {
  for (const source of demoSources) await seedSource(source);
  for (const [sourceKey, type, description, file] of demoEventTypes) {
    await seedEventType({ sourceKey, type, description, samplePayload: file ? JSON.parse(fixture(file).toString('utf8')) : undefined });
  }
  for (const file of demoWorkflowFiles) {
    await seedWorkflowFile(join(import.meta.dirname, 'workflows', file), { __RAILYARD_URL__: opts.railyardUrl });
  }
  for (const d of demoDeliveries) {
    await ingestEvent({
      sourceKey: d.source,
      headers: { ...d.headers, authorization: `Bearer ${adminToken}` },
      rawBody: fixture(d.fixture),
      queryToken: null,
    });
  }
  return seedDemoRelease(opts);
}
