// The SSE endpoint relays run and step changes as they happen, each with an `id:` line, and a
// client reconnecting with Last-Event-ID gets exactly what it missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as streamGet } from '@/app/api/stream/route';
import type { LiveMessage } from '@/engine/dto/live';
import { admin, closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';

let workers: Workers;
beforeAll(async () => {
  await resetState();
  const res = await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: live
trigger: { source: generic, type: live.test }
steps:
  - id: one
    action: log
    with: { message: first }
  - id: two
    action: log
    needs: [one]
    with: { message: second }
`);
  expect(res.status).toBe(201);
  workers = await startTestWorkers();
});
afterAll(() => closeAll(workers));

type Sse = { id: string; message: LiveMessage };

/** Opens GET /api/stream and parses its frames; `until` decides when to stop reading. */
async function openStream(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await streamGet(new Request('http://localhost/api/stream', { headers: { ...admin, ...headers }, signal: abort.signal }));
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const frames: Sse[] = [];
  const nextFrames = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = block.match(/^id: (.+)$/m)?.[1];
      const data = block.match(/^data: (.+)$/m)?.[1];
      if (id && data) frames.push({ id, message: JSON.parse(data) });
    }
  };
  // The first frame (": connected") means the reader has fixed its starting point.
  await nextFrames();
  return {
    frames,
    async until(done: (frames: Sse[]) => boolean) {
      while (!done(frames)) await nextFrames();
      return frames;
    },
    close: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}

const runFinished = (runId: string) => (frames: Sse[]) =>
  frames.some((f) => f.message.kind === 'run' && f.message.run.id === runId && f.message.run.status === 'succeeded');

describe('live stream', () => {
  let all: Sse[];
  let runId: string;

  it('delivers step and run messages for a run as it executes, with ids', async () => {
    const live = await openStream();
    const sent = await postEvent('generic', 'live.test', { n: 1 });
    runId = (await waitForEventRun(sent.body.id)).id;
    all = await live.until(runFinished(runId));
    await live.close();

    expect(all.every((f) => /^\d+-\d+$/.test(f.id))).toBe(true);
    const ids = all.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const steps = all.flatMap((f) => (f.message.kind === 'step' && f.message.runId === runId ? [f.message.step] : []));
    // Each step is seen running and then succeeded, in the order the DAG allows.
    const seen = steps.map((s) => `${s.id}:${s.status}`);
    expect(seen).toContain('one:running');
    expect(seen).toContain('two:succeeded');
    expect(seen.indexOf('one:succeeded')).toBeLessThan(seen.indexOf('two:running'));
    expect(steps.find((s) => s.id === 'two' && s.status === 'succeeded')?.outputs).toEqual({ message: 'second' });
    const runs = all.flatMap((f) => (f.message.kind === 'run' && f.message.run.id === runId ? [f.message.run.status] : []));
    expect(runs.at(-1)).toBe('succeeded');
    expect(all.some((f) => f.message.kind === 'event' && f.message.event.id === sent.body.id)).toBe(true);
  });

  it('reconnecting with Last-Event-ID replays the messages after it', async () => {
    const cut = Math.floor(all.length / 2);
    const resume = await openStream({ 'Last-Event-ID': all[cut].id });
    const replayed = await resume.until((frames) => frames.length >= all.length - cut - 1);
    await resume.close();
    const expected = all.slice(cut + 1);
    expect(replayed.slice(0, expected.length).map((f) => f.id)).toEqual(expected.map((f) => f.id));
    expect(replayed.slice(0, expected.length).map((f) => f.message)).toEqual(expected.map((f) => f.message));
  });

  it('a new connection without Last-Event-ID starts at the tail (no replay of old messages)', async () => {
    const fresh = await openStream();
    const sent = await postEvent('generic', 'live.test', { n: 2 });
    const second = await waitForEventRun(sent.body.id);
    const frames = await fresh.until(runFinished(second.id));
    await fresh.close();
    expect(frames.some((f) => f.message.kind === 'run' && f.message.run.id === runId)).toBe(false);
    const old = new Set(all.map((f) => f.id));
    expect(frames.filter((f) => old.has(f.id))).toEqual([]);
  });
});
