// Typed seed helpers, shared by the demo seed and the integration/e2e tests so both build data
// through the same use-cases a user would call (never raw SQL into our own tables).
import { readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { db } from '@/server/db/client';
import { registerEventType } from '@/server/repositories/event-types';
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

/** Empties every table (tests only): one TRUNCATE so foreign keys never get in the way. */
export async function resetDatabase() {
  await db().$executeRawUnsafe(
    'TRUNCATE "StepRun", "Run", "Event", "WorkflowVersion", "Workflow", "EventType", "Source", "ApiToken", "Secret", "User", "AuditEntry" RESTART IDENTITY CASCADE',
  );
}
