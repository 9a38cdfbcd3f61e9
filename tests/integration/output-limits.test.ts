// A step that prints without end costs a bounded log (head and tail, with a marker saying what was
// dropped), its live messages are deltas under the message cap, and a browser cache that replays
// them (or missed some) ends with exactly the stored log. Old run workspaces are deleted, those of
// unfinished runs kept. Real worker, Postgres and Redis.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveMessageSchema, type LiveMessage } from '@/engine/dto/live';
import type { RunDetail } from '@/engine/dto/runs';
import { applyLiveMessage } from '@/lib/live-cache';
import { keys } from '@/lib/queries';
import { db } from '@/server/db/client';
import { LIVE_STREAM } from '@/server/live/stream';
import { sharedRedis } from '@/server/queue/connection';
import { sweepWorkspaces } from '@/server/runs/workspace';
import { closeAll, getRun, isFinished, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../support/harness';

const workspaces = await mkdtemp(join(tmpdir(), 'ry-limits-'));
const MESSAGE_CAP = 8 * 1024;
Object.assign(process.env, {
  RAILYARD_WORKSPACE_DIR: workspaces,
  RAILYARD_STEP_LOG_MAX_LINES: '400',
  RAILYARD_STEP_LOG_MAX_BYTES: String(64 * 1024),
  RAILYARD_LIVE_MESSAGE_MAX_BYTES: String(MESSAGE_CAP),
});

let workers: Workers;
beforeAll(async () => {
  await resetState();
  const yaml = (name: string, steps: string) => `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${name} }\nsteps:\n${steps}`;
  // 20,000 lines (about 1 MB) and then the line that matters, the error at the end.
  const noisy = yaml('noisy', `  - id: build\n    action: shell.run\n    with: { command: "seq 1 20000 | sed 's/^/build output line /'; echo 'error: the end' >&2" }\n`);
  const quiet = yaml('quiet', `  - id: hello\n    action: log\n    with: { message: hi }\n`);
  const waiting = yaml('waiting', `  - id: pause\n    action: delay\n    with: { ms: 600000 }\n`);
  for (const y of [noisy, quiet, waiting]) expect((await publishYaml(y)).status).toBe(201);
  workers = await startTestWorkers();
});
afterAll(async () => {
  await closeAll(workers);
  await rm(workspaces, { recursive: true, force: true });
});

const finishedRun = (eventId: string) =>
  waitFor(async () => {
    const row = await db().run.findFirst({ where: { eventId } });
    const run = row && (await getRun(row.id));
    return run && isFinished(run) ? run : undefined;
  }, 30_000, 'the run to finish');

async function liveMessagesOf(runId: string): Promise<{ size: number; message: LiveMessage }[]> {
  const entries = await sharedRedis().xrange(LIVE_STREAM, '-', '+');
  return entries
    .map(([, fields]) => fields[fields.indexOf('data') + 1])
    .map((data) => ({ size: Buffer.byteLength(data), message: liveMessageSchema.parse(JSON.parse(data)) }))
    .filter(({ message: m }) => (m.kind === 'step' || m.kind === 'log' ? m.runId === runId : m.kind === 'run' && m.run.id === runId));
}

/** A browser's cache with an observed run query, fed the live messages (minus `skip`). */
async function replay(run: RunDetail, messages: LiveMessage[], skip?: (m: LiveMessage, i: number) => boolean) {
  const qc = new QueryClient();
  let fetches = 0;
  const observer = new QueryObserver(qc, { queryKey: keys.run(run.id), queryFn: () => (fetches++, getRun(run.id)), staleTime: Infinity });
  // What the page showed when it opened: the run before its step produced anything.
  qc.setQueryData<RunDetail>(keys.run(run.id), { ...run, status: 'running', steps: run.steps.map((s) => ({ ...s, status: 'queued', logs: [] })) });
  const unsubscribe = observer.subscribe(() => undefined);
  messages.forEach((m, i) => skip?.(m, i) || applyLiveMessage(qc, m));
  await waitFor(async () => !qc.isFetching() || undefined, 10_000, 'refetches');
  unsubscribe();
  return { logs: qc.getQueryData<RunDetail>(keys.run(run.id))!.steps[0].logs, fetches };
}

describe('output limits', () => {
  let run: RunDetail;
  let messages: { size: number; message: LiveMessage }[];

  it('keeps the head and the tail of a huge log, with a marker saying how much was dropped', async () => {
    run = await finishedRun((await postEvent('generic', 'noisy', {})).body.id);
    const { logs, status } = run.steps[0];
    expect(status).toBe('succeeded');
    expect(logs.length).toBeLessThanOrEqual(402);
    expect(logs[0].message).toBe('build output line 1');
    expect(logs[199].message).toBe('build output line 200');
    const marker = logs.find((l) => l.message.startsWith('… log limit reached'))!;
    expect(marker.message).toMatch(/(\d+) lines \(\d+ bytes\) dropped here; the first 200 lines and the last \d+ are kept/);
    const dropped = Number(marker.message.match(/: (\d+) lines/)![1]);
    expect(logs.length - 1 + dropped).toBe(20_001); // every line is either kept or counted
    expect(logs.at(-1)!.message).toBe('error: the end');
    const stored = (await db().stepRun.findFirstOrThrow({ where: { runId: run.id } })).logs;
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(80 * 1024);
  });

  it('publishes deltas with offsets, no log inside step messages, every message under the cap', async () => {
    messages = await liveMessagesOf(run.id);
    expect(Math.max(...messages.map((m) => m.size))).toBeLessThanOrEqual(MESSAGE_CAP);
    const steps = messages.flatMap(({ message: m }) => (m.kind === 'step' ? [m.step] : []));
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(s).not.toHaveProperty('logs');
    expect(steps.at(-1)!.logCount).toBe(run.steps[0].logs.length);
    const deltas = messages.flatMap(({ message: m }) => (m.kind === 'log' && !m.replace ? [m] : []));
    let next = 0;
    for (const d of deltas) (expect(d.offset).toBe(next), (next += d.lines.length)); // head deltas follow each other
    expect(next).toBe(200);
    expect(messages.some(({ message: m }) => m.kind === 'log' && m.replace)).toBe(true);
  });

  it('a browser replaying the stream, or one that missed a delta, ends with the stored log', async () => {
    const all = messages.map((m) => m.message);
    const full = await replay(run, all);
    expect(full.logs).toEqual(run.steps[0].logs);
    const firstDelta = all.findIndex((m) => m.kind === 'log');
    const gap = await replay(run, all, (_, i) => i === firstDelta); // lost, e.g. beyond the capped stream
    expect(gap.fetches).toBeGreaterThanOrEqual(1);
    expect(gap.logs).toEqual(run.steps[0].logs);
  });

  it('deletes workspaces of runs finished past the retention, keeps those of unfinished runs', async () => {
    const done = await finishedRun((await postEvent('generic', 'quiet', {})).body.id);
    const waitingEvent = (await postEvent('generic', 'waiting', {})).body.id;
    const waiting = await waitFor(async () => (await db().stepRun.findFirst({ where: { run: { eventId: waitingEvent }, status: 'waiting' } })) ?? undefined, 15_000, 'a waiting step');
    const orphan = 'cm0000000000000000000000a'; // a folder whose run no longer exists
    for (const id of [done.id, waiting.runId, orphan]) await mkdir(join(workspaces, id), { recursive: true });
    // Nothing is old yet.
    expect(await sweepWorkspaces()).toEqual([]);
    // Four days later (retention 72 h): the finished runs and the orphan go, the waiting run stays.
    const later = new Date(Date.now() + 96 * 3_600_000);
    const deleted = await sweepWorkspaces({ now: later });
    expect(deleted.sort()).toEqual([done.id, orphan, run.id].sort());
    expect(await readdir(workspaces)).toEqual([waiting.runId]);
  });
});
