import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { EventDetail, EventSummary } from '@/engine/dto/events';
import type { LiveStep } from '@/engine/dto/live';
import type { RunDetail, RunSummary, StepRunDto } from '@/engine/dto/runs';
import { applyLiveMessage } from './live-cache';
import { keys, type EventPages } from './queries';

const ev = (id: string, source = 'github', type = 'push'): EventSummary => ({
  id, source, type, deliveryId: null, receivedAt: '2026-01-01T00:00:00Z', registered: true, runs: [],
});
const run = (id: string, status: RunSummary['status'], eventId = 'e1', name = 'wf'): RunSummary => ({
  id, number: 1, status, workflow: { name, version: 2 }, event: { id: eventId, source: 'github', type: 'push' },
  error: null, reason: 'event', previousRunId: null, concurrencyKey: null, createdAt: '2026-01-01T00:00:00Z', startedAt: null, finishedAt: null,
});
const step = (id: string, status: StepRunDto['status']): StepRunDto => ({
  id, action: 'log', description: '', needs: [], status, attempts: 0, inputs: null, outputs: null, error: null,
  logs: [], queuedAt: null, startedAt: null, finishedAt: null, wakeAt: null, wait: null,
});
const liveStep = (id: string, status: StepRunDto['status'], logCount = 0): LiveStep => {
  const { logs: _, ...rest } = step(id, status);
  return { ...rest, logCount };
};
const pages = (...p: EventSummary[][]): EventPages => ({ pages: p, pageParams: p.map((_, i) => (i ? 'x' : undefined)) });

describe('applyLiveMessage', () => {
  it('prepends new events to matching feeds only, and replaces known ones in place', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.events({}), pages([ev('e1')], [ev('e0')]));
    qc.setQueryData(keys.events({ source: 'jira' }), pages([]));
    applyLiveMessage(qc, { kind: 'event', event: ev('e2') });
    applyLiveMessage(qc, { kind: 'event', event: { ...ev('e0'), registered: false } });
    const all = qc.getQueryData<EventPages>(keys.events({}))!;
    expect(all.pages.map((p) => p.map((e) => e.id))).toEqual([['e2', 'e1'], ['e0']]);
    expect(all.pages[1]![0]!.registered).toBe(false);
    expect(qc.getQueryData<EventPages>(keys.events({ source: 'jira' }))!.pages).toEqual([[]]);
  });

  it('upserts runs into lists, moves them between status filters and into their event', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.runs({}), [run('r0', 'succeeded')]);
    qc.setQueryData(keys.runs({ status: 'running' }), [run('r1', 'running')]);
    qc.setQueryData(keys.events({}), pages([ev('e1')]));
    qc.setQueryData<EventDetail>(keys.event('e1'), { ...ev('e1'), payload: {}, body: '{}', headers: {}, processedAt: null, parentRunId: null });
    applyLiveMessage(qc, { kind: 'run', run: run('r1', 'failed') });
    expect(qc.getQueryData<RunSummary[]>(keys.runs({}))!.map((r) => r.id)).toEqual(['r1', 'r0']);
    expect(qc.getQueryData<RunSummary[]>(keys.runs({ status: 'running' }))).toEqual([]);
    const ref = { id: 'r1', number: 1, workflow: 'wf', version: 2, status: 'failed' };
    expect(qc.getQueryData<EventPages>(keys.events({}))!.pages[0]![0]!.runs).toEqual([ref]);
    expect(qc.getQueryData<EventDetail>(keys.event('e1'))!.runs).toEqual([ref]);
  });

  it('merges run summaries and replaces steps in the run detail', () => {
    const qc = new QueryClient();
    const detail: RunDetail = { ...run('r1', 'running'), vars: { a: 1 }, layout: null, emittedEvents: [], laterRuns: [], steps: [step('a', 'running'), step('b', 'pending')] };
    qc.setQueryData(keys.run('r1'), detail);
    applyLiveMessage(qc, { kind: 'step', runId: 'r1', step: liveStep('a', 'succeeded') });
    applyLiveMessage(qc, { kind: 'run', run: { ...run('r1', 'running'), startedAt: '2026-01-01T00:00:01Z' } });
    const got = qc.getQueryData<RunDetail>(keys.run('r1'))!;
    expect(got.steps.map((s) => s.status)).toEqual(['succeeded', 'pending']);
    expect(got.vars).toEqual({ a: 1 });
    expect(got.startedAt).toBe('2026-01-01T00:00:01Z');
  });

  it('adds a re-run or resume to the laterRuns of the run it derives from, once', () => {
    const qc = new QueryClient();
    const detail: RunDetail = { ...run('r1', 'failed'), vars: {}, layout: null, emittedEvents: [], laterRuns: [], steps: [] };
    qc.setQueryData(keys.run('r1'), detail);
    const resumed: RunSummary = { ...run('r2', 'queued'), number: 2, reason: 'resume', previousRunId: 'r1' };
    applyLiveMessage(qc, { kind: 'run', run: resumed });
    applyLiveMessage(qc, { kind: 'run', run: { ...resumed, status: 'running' } });
    expect(qc.getQueryData<RunDetail>(keys.run('r1'))!.laterRuns).toEqual([{ id: 'r2', number: 2, reason: 'resume' }]);
  });

  it('appends live log lines to the step they belong to', () => {
    const qc = new QueryClient();
    const line = (message: string) => ({ at: '2026-01-01T00:00:00Z', level: 'info' as const, message });
    const detail: RunDetail = { ...run('r1', 'running'), vars: {}, layout: null, emittedEvents: [], laterRuns: [], steps: [{ ...step('a', 'running'), logs: [line('1')] }, step('b', 'pending')] };
    qc.setQueryData(keys.run('r1'), detail);
    applyLiveMessage(qc, { kind: 'log', runId: 'r1', stepId: 'a', offset: 1, lines: [line('2'), line('3')] });
    const got = qc.getQueryData<RunDetail>(keys.run('r1'))!;
    expect(got.steps[0]!.logs.map((l) => l.message)).toEqual(['1', '2', '3']);
    expect(got.steps[1]!.logs).toEqual([]);
  });

  it('writes deltas at their offset (a repeated delta changes nothing), keeps logs across step messages', () => {
    const qc = new QueryClient();
    const line = (message: string) => ({ at: '2026-01-01T00:00:00Z', level: 'info' as const, message });
    qc.setQueryData<RunDetail>(keys.run('r1'), { ...run('r1', 'running'), vars: {}, layout: null, emittedEvents: [], laterRuns: [], steps: [{ ...step('a', 'running'), logs: [line('1')] }] });
    const spy = vi.spyOn(qc, 'invalidateQueries');
    applyLiveMessage(qc, { kind: 'log', runId: 'r1', stepId: 'a', offset: 1, lines: [line('2'), line('3')] });
    applyLiveMessage(qc, { kind: 'log', runId: 'r1', stepId: 'a', offset: 1, lines: [line('2')] }); // replayed after a reconnect
    applyLiveMessage(qc, { kind: 'step', runId: 'r1', step: liveStep('a', 'succeeded', 3) });
    const got = qc.getQueryData<RunDetail>(keys.run('r1'))!;
    expect(got.steps[0]!.logs.map((l) => l.message)).toEqual(['1', '2', '3']);
    expect(got.steps[0]!.status).toBe('succeeded');
    expect(spy).not.toHaveBeenCalled();
  });

  it('replaces the tail of a log over its limit from the given offset', () => {
    const qc = new QueryClient();
    const line = (message: string) => ({ at: '2026-01-01T00:00:00Z', level: 'info' as const, message });
    qc.setQueryData<RunDetail>(keys.run('r1'), { ...run('r1', 'running'), vars: {}, layout: null, emittedEvents: [], laterRuns: [], steps: [{ ...step('a', 'running'), logs: ['h1', 'h2', '… dropped', 't1', 't2'].map(line) }] });
    applyLiveMessage(qc, { kind: 'log', runId: 'r1', stepId: 'a', offset: 2, lines: [line('… dropped more'), line('t9')], replace: true });
    expect(qc.getQueryData<RunDetail>(keys.run('r1'))!.steps[0]!.logs.map((l) => l.message)).toEqual(['h1', 'h2', '… dropped more', 't9']);
  });

  it('refetches the run when a delta starts past the cached lines, or a step message counts other lines', () => {
    const qc = new QueryClient();
    const line = (message: string) => ({ at: '2026-01-01T00:00:00Z', level: 'info' as const, message });
    qc.setQueryData<RunDetail>(keys.run('r1'), { ...run('r1', 'running'), vars: {}, layout: null, emittedEvents: [], laterRuns: [], steps: [{ ...step('a', 'running'), logs: [line('1')] }] });
    const spy = vi.spyOn(qc, 'invalidateQueries').mockResolvedValue();
    applyLiveMessage(qc, { kind: 'log', runId: 'r1', stepId: 'a', offset: 5, lines: [line('6')] });
    expect(qc.getQueryData<RunDetail>(keys.run('r1'))!.steps[0]!.logs).toHaveLength(1); // not appended in the wrong place
    expect(spy).toHaveBeenCalledTimes(1);
    applyLiveMessage(qc, { kind: 'step', runId: 'r1', step: liveStep('a', 'succeeded', 7) });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls[1]![0]).toEqual({ queryKey: keys.run('r1'), exact: true });
  });

  it('ignores messages for queries that are not cached', () => {
    const qc = new QueryClient();
    applyLiveMessage(qc, { kind: 'step', runId: 'nope', step: liveStep('a', 'running') });
    expect(qc.getQueryData(keys.run('nope'))).toBeUndefined();
  });
});
