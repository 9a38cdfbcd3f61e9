import { describe, expect, it } from 'vitest';
import { liveMessageSchema } from '../dto/live';
import type { LogLine, StepRunDto } from '../dto/runs';
import { utf8Length } from '../run/log-budget';
import { capLiveMessage, logDeltas, tailMessage, toLiveStep } from './shape-messages';

const CAP = 16 * 1024;
const size = (m: unknown) => utf8Length(JSON.stringify(m));
const line = (message: string): LogLine => ({ at: '2026-01-01T00:00:00.000Z', level: 'info', message });
const ids = { runId: 'r1', stepId: 'build' };
const step = (over: Partial<StepRunDto> = {}): StepRunDto => ({
  id: 'build', action: 'shell.run', description: '', needs: [], status: 'succeeded', attempts: 1, inputs: { command: 'make' },
  outputs: { stdout: 'ok' }, error: null, logs: [line('a'), line('b')], queuedAt: null, startedAt: null, finishedAt: null, wakeAt: null, wait: null,
  ...over,
});

describe('live message shaping', () => {
  it('splits a large delta into messages under the cap with consecutive offsets', () => {
    const lines = Array.from({ length: 500 }, (_, i) => line(`${i} ${'y'.repeat(200)}`));
    const msgs = logDeltas(ids, 40, lines, CAP);
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs) expect(size(m)).toBeLessThanOrEqual(CAP);
    expect(msgs.map((m) => m.offset)).toEqual(msgs.map((_, i) => 40 + msgs.slice(0, i).reduce((n, p) => n + p.lines.length, 0)));
    expect(msgs.flatMap((m) => m.lines)).toEqual(lines);
    for (const m of msgs) expect(liveMessageSchema.safeParse(m).success).toBe(true);
  });

  it('cuts a single line too large for one message, with a marker', () => {
    const [m] = logDeltas(ids, 0, [line('"\u0001'.repeat(20_000))], CAP);
    expect(size(m)).toBeLessThanOrEqual(CAP);
    expect(m.lines[0].message).toMatch(/… \(cut for the live view\)$/);
  });

  it('sends the tail as one replacing message: the marker and the newest lines that fit', () => {
    const tail = [line('… 900 lines dropped'), ...Array.from({ length: 300 }, (_, i) => line(`t${i} ${'z'.repeat(100)}`))];
    const m = tailMessage(ids, 1000, tail, CAP);
    expect(m).toMatchObject({ offset: 1000, replace: true });
    expect(size(m)).toBeLessThanOrEqual(CAP);
    expect(m.lines[0].message).toBe('… 900 lines dropped');
    expect(m.lines.at(-1)!.message).toMatch(/^t299 /);
  });

  it('sends a step without its logs, with their count; large outputs become a marker', () => {
    expect(toLiveStep(step(), CAP)).toMatchObject({ logCount: 2, outputs: { stdout: 'ok' } });
    expect(toLiveStep(step(), CAP)).not.toHaveProperty('logs');
    const big = toLiveStep(step({ outputs: { stdout: 'o'.repeat(200_000) }, error: 'e'.repeat(50_000) }), CAP);
    expect(big.truncated).toBe(true);
    expect(big.outputs).toMatch(/bytes: too large for the live view/);
    expect(size({ kind: 'step', runId: 'r1', step: big })).toBeLessThanOrEqual(CAP);
  });

  it('caps any message kind as a last guard', () => {
    const run = { id: 'r1', number: 1, status: 'failed' as const, workflow: { name: 'w', version: 1 }, event: { id: 'e', source: 's', type: 't' },
      error: 'x'.repeat(100_000), reason: 'event' as const, previousRunId: null, concurrencyKey: null, createdAt: '', startedAt: null, finishedAt: null };
    expect(size(capLiveMessage({ kind: 'run', run }, CAP))).toBeLessThanOrEqual(CAP);
    const { logs: _, ...noLogs } = step({ inputs: 'i'.repeat(100_000) });
    const capped = capLiveMessage({ kind: 'step', runId: 'r1', step: { ...noLogs, logCount: 2 } }, CAP);
    expect(size(capped)).toBeLessThanOrEqual(CAP);
    expect(capped).toMatchObject({ step: { truncated: true, logCount: 2 } });
  });
});
