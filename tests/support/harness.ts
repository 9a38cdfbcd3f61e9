// Shared set-up for integration tests: a clean database and Redis db, the admin token, one source
// per preset, and helpers that go through the real route handlers. Only the env variables
// DATABASE_URL, REDIS_URL, RAILYARD_ENCRYPTION_KEY (and optionally RAILYARD_ADMIN_TOKEN) are used.
import { createHmac } from 'node:crypto';
import { POST as hookPost } from '@/app/api/hooks/[source]/route';
import { POST as genericPost } from '@/app/api/events/[id]/[type]/route';
import { GET as eventGet } from '@/app/api/events/[id]/route';
import { GET as runsGet } from '@/app/api/runs/route';
import { GET as runGet } from '@/app/api/runs/[id]/route';
import { POST as workflowsPost } from '@/app/api/workflows/route';
import type { EventDetail } from '@/engine/dto/events';
import type { RunDetail, RunSummary } from '@/engine/dto/runs';
import { provisionAdminToken } from '@/server/auth/tokens';
import { disconnectDb } from '@/server/db/client';
import { closeQueues } from '@/server/queue/enqueue';
import { closeSharedRedis, sharedRedis } from '@/server/queue/connection';
import { resetDatabase, seedSource } from '@/prisma/seed/helpers';
import { startWorkers } from '@/worker/start';
import { callRoute, type Answer } from './http';

export const ADMIN_TOKEN = process.env.RAILYARD_ADMIN_TOKEN ?? 'ry_integration_admin_token_0001';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** One source per preset, each with the auth mode its real sender uses. */
export const SOURCES = {
  github: { preset: 'github', mode: 'hmac', secret: 'github-hmac-secret-1' },
  gitlab: { preset: 'gitlab', mode: 'gitlab-token', secret: 'gitlab-token-secret-1' },
  jira: { preset: 'jira', mode: 'token', secret: 'jira-token-secret-1' },
  jenkins: { preset: 'jenkins', mode: 'token', secret: 'jenkins-token-secret-1' },
  generic: { preset: 'generic', mode: 'token', secret: 'generic-token-secret-1' },
  bitbucket: { preset: 'bitbucket', mode: 'hmac', secret: 'bitbucket-hmac-secret-1' },
} as const;
export type SourceKey = keyof typeof SOURCES;

/** Empty tables and test Redis db, then the admin token and one source per preset. */
export async function resetState(): Promise<void> {
  if (!process.env.RAILYARD_ADMIN_TOKEN) process.env.RAILYARD_ADMIN_TOKEN = ADMIN_TOKEN;
  await resetDatabase();
  await sharedRedis().flushdb();
  await provisionAdminToken(ADMIN_TOKEN);
  for (const [key, s] of Object.entries(SOURCES)) {
    await seedSource({ key, name: key, preset: s.preset, auth: { mode: s.mode, secret: s.secret } });
  }
}

export const signGithub = (body: string | Buffer, secret: string = SOURCES.github.secret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The credentials a real sender of this source attaches (signature, GitLab token or bearer). */
export function sourceAuth(source: string, body: string | Buffer): Record<string, string> {
  const s = SOURCES[source as SourceKey];
  if (!s) return {};
  // Bitbucket Cloud puts the same sha256=<hex> signature in X-Hub-Signature.
  if (s.mode === 'hmac') return { [s.preset === 'bitbucket' ? 'X-Hub-Signature' : 'X-Hub-Signature-256']: signGithub(body, s.secret) };
  if (s.mode === 'gitlab-token') return { 'X-Gitlab-Token': s.secret };
  return { Authorization: `Bearer ${s.secret}` };
}

const asBody = (body: string | Buffer | object) =>
  typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);

/** POST /api/hooks/{source}; valid credentials are added unless `auth: false`. */
export function postHook(source: string, body: string | Buffer | object, headers: Record<string, string> = {}, opts = { auth: true }): Promise<Answer> {
  const raw = asBody(body);
  const all = { 'Content-Type': 'application/json', ...(opts.auth ? sourceAuth(source, raw) : {}), ...headers };
  return callRoute(hookPost, `/api/hooks/${source}`, { source }, { method: 'POST', headers: all, body: raw });
}

/** POST /api/events/{source}/{type} (the generic endpoint). */
export function postEvent(source: string, type: string, body: string | Buffer | object, headers: Record<string, string> = {}, opts = { auth: true }): Promise<Answer> {
  const raw = asBody(body);
  const all = { 'Content-Type': 'application/json', ...(opts.auth ? sourceAuth(source, raw) : {}), ...headers };
  return callRoute(genericPost, `/api/events/${source}/${type}`, { id: source, type }, { method: 'POST', headers: all, body: raw });
}

export async function publishYaml(yaml: string, headers: Record<string, string> = admin): Promise<Answer> {
  return callRoute(workflowsPost, '/api/workflows', {}, { method: 'POST', headers: { 'content-type': 'text/yaml', ...headers }, body: yaml });
}

export const getEvent = async (id: string): Promise<EventDetail> => (await callRoute(eventGet, `/api/events/${id}`, { id }, { headers: admin })).body;
export const getRun = async (id: string): Promise<RunDetail> => (await callRoute(runGet, `/api/runs/${id}`, { id }, { headers: admin })).body;

/** Polls until `check` returns a value other than undefined/false; the product itself never polls. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const isFinished = (r: { status: string }) => ['succeeded', 'failed', 'cancelled'].includes(r.status);

/** Waits for a run (found through GET /api/runs, read through GET /api/runs/{id}) matching `predicate`. */
export function waitForRun(predicate: (run: RunDetail) => boolean, timeoutMs = 15_000): Promise<RunDetail> {
  return waitFor(async () => {
    const list: RunSummary[] = (await callRoute(runsGet, '/api/runs?limit=200', {}, { headers: admin })).body;
    for (const summary of list) {
      const run = await getRun(summary.id);
      if (predicate(run)) return run;
    }
    return undefined;
  }, timeoutMs, 'a matching run');
}

/** The finished run of the one workflow triggered by this event. */
export const waitForEventRun = (eventId: string, timeoutMs?: number) =>
  waitForRun((r) => r.event.id === eventId && isFinished(r), timeoutMs);

export type Workers = Awaited<ReturnType<typeof startWorkers>>;
export const startTestWorkers = () => startWorkers({ reconcileEveryMs: 500, reconcileGraceMs: 200, concurrency: 5 });

/** afterAll: stop workers, then every shared connection, so the test process can exit. */
export async function closeAll(workers?: Workers): Promise<void> {
  await workers?.stop();
  await closeQueues();
  await closeSharedRedis();
  await disconnectDb();
}
