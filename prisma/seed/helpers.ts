// Typed seed helpers, shared by the demo seed and the integration/e2e tests so both build data
// through the same use-cases a user would call (never raw SQL into our own tables).
import { readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import pg from 'pg';
import { db } from '@/server/db/client';
import { env } from '@/server/env';
import { registerEventType } from '@/server/repositories/event-types';
import { clearSourceCache } from '@/server/repositories/source-cache';
import { forgetStoredTypes } from '@/server/repositories/type-memory';
import type { z } from 'zod';
import { createSourceSchema, createSourceUseCase } from '@/server/use-cases/manage-sources';
import { publishWorkflow } from '@/server/use-cases/publish-workflow';

export type SeedSource = z.input<typeof createSourceSchema>;

export const seedSource = (source: SeedSource) => createSourceUseCase(SYSTEM_ACTOR, source);

export async function seedEventType(input: { sourceKey: string; type: string; description: string; samplePayload?: unknown }) {
  await db().$transaction((tx) => registerEventType(tx, input));
}

/** Publishes a workflow from YAML text; `replace` substitutes placeholders such as the base URL. */
export async function seedWorkflowText(text: string, replace: Record<string, string> = {}) {
  let out = text;
  for (const [from, to] of Object.entries(replace)) out = out.replaceAll(from, to);
  return (await publishWorkflow(SYSTEM_ACTOR, { text: out })).workflow;
}

export const seedWorkflowFile = (path: string, replace: Record<string, string> = {}) =>
  seedWorkflowText(readFileSync(path, 'utf8'), replace);

/**
 * Empties every table (tests only): one TRUNCATE so foreign keys never get in the way. The app role
 * may not TRUNCATE (that is what protects the audit trail), so this connects as the owner
 * (DATABASE_OWNER_URL, set by npm test and dev-services) when there is one.
 */
export async function resetDatabase() {
  const client = new pg.Client({ connectionString: env().DATABASE_OWNER_URL ?? env().DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      'TRUNCATE "StepRun", "Run", "Event", "WorkflowVersion", "Workflow", "EventType", "Source", "ApiToken", "Secret", "User", "UserIdentity", "AuditEntry", "WorkflowDraft", "TrainFeature", "TrainStation", "Train", "Feature", "PipelineVersion", "Pipeline", "NotificationDelivery", "SubscriptionState", "Subscription" RESTART IDENTITY CASCADE',
    );
  } finally {
    await client.end();
  }
  // The intake's per-process memories (sources, stored event types) describe rows just truncated.
  clearSourceCache();
  forgetStoredTypes();
}
