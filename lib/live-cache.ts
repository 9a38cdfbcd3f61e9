// Pure cache writers for live messages (see lib/use-live-updates.ts). Each LiveMessage carries the
// current DTO, so we upsert it into every cached query that shows it instead of refetching; step
// logs arrive as deltas with offsets, and a detected gap refetches that one run.
import type { QueryClient } from '@tanstack/react-query';
import type { EventDetail, EventSummary, RunRef } from '@/engine/dto/events';
import type { LiveLogMessage, LiveMessage, LiveStep } from '@/engine/dto/live';
import type { RunDetail, RunSummary, StepRunDto } from '@/engine/dto/runs';
import { isTerminalRun } from '@/engine/run/status';
import { keys, PAGE_SIZE, type EventFilters, type EventPages, type RunFilters } from './queries';
import { refetchAfterFirstFetch } from './refetch-after-fetch';
import { invalidateTrainQueries } from './train-queries';

// Live prepends would grow an open feed forever; keep a generous cap per cached list.
const MAX_LIVE_ROWS = PAGE_SIZE * 4;

function upsertById<T extends { id: string }>(list: readonly T[], item: T, prependIfMissing: boolean): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i >= 0) return list.map((x, j) => (j === i ? item : x));
  return prependIfMissing ? [item, ...list].slice(0, MAX_LIVE_ROWS) : [...list];
}

function mapPages(data: EventPages, fn: (page: EventSummary[], index: number) => EventSummary[]): EventPages {
  return { ...data, pages: data.pages.map(fn) };
}

const eventMatches = (f: EventFilters, e: { source: string; type: string }) =>
  (!f.source || f.source === e.source) && (!f.type || f.type === e.type);
const runMatches = (f: RunFilters, r: RunSummary) =>
  (!f.status || f.status === r.status) && (!f.workflow || f.workflow === r.workflow.name);

function applyEvent(qc: QueryClient, event: EventSummary): void {
  for (const [key, data] of qc.getQueriesData<EventPages>({ queryKey: ['events'] })) {
    if (!data) continue;
    const filters = (key[1] ?? {}) as EventFilters;
    if (!eventMatches(filters, event)) continue;
    const known = data.pages.some((p) => p.some((e) => e.id === event.id));
    qc.setQueryData<EventPages>(key, mapPages(data, (page, i) => upsertById(page, event, !known && i === 0)));
  }
  qc.setQueryData<EventDetail>(keys.event(event.id), (old) => (old ? { ...old, ...event } : old));
}

function toRef(run: RunSummary): RunRef {
  return { id: run.id, number: run.number, workflow: run.workflow.name, version: run.workflow.version, status: run.status };
}

function withRunRef<T extends EventSummary>(event: T, ref: RunRef): T {
  const runs = event.runs.some((r) => r.id === ref.id)
    ? event.runs.map((r) => (r.id === ref.id ? ref : r))
    : [...event.runs, ref];
  return { ...event, runs };
}

function applyRun(qc: QueryClient, run: RunSummary): void {
  for (const [key, data] of qc.getQueriesData<RunSummary[]>({ queryKey: ['runs'] })) {
    if (!data) continue;
    const filters = (key[1] ?? {}) as RunFilters;
    // A run leaves a status-filtered list when its status changes, and joins the one it now matches.
    const next = runMatches(filters, run) ? upsertById(data, run, true) : data.filter((r) => r.id !== run.id);
    qc.setQueryData<RunSummary[]>(key, next);
  }

  const detailKey = keys.run(run.id);
  const before = qc.getQueryData<RunDetail>(detailKey);
  qc.setQueryData<RunDetail>(detailKey, (old) => (old ? { ...old, ...run } : old));
  // The summary does not carry vars; refetch the detail once when the run finishes so final vars
  // (set by meta actions) show up.
  if (before && !isTerminalRun(before.status) && isTerminalRun(run.status)) {
    void qc.invalidateQueries({ queryKey: detailKey, exact: true });
  }
  if (!before) refetchAfterFirstFetch(qc, detailKey);

  // A re-run or resume joins the lineage list of the run it derives from, if that one is open.
  if (run.previousRunId) {
    qc.setQueryData<RunDetail>(keys.run(run.previousRunId), (old) =>
      old && !old.laterRuns.some((r) => r.id === run.id)
        ? { ...old, laterRuns: [...old.laterRuns, { id: run.id, number: run.number, reason: run.reason }] }
        : old,
    );
  }

  const ref = toRef(run);
  for (const [key, data] of qc.getQueriesData<EventPages>({ queryKey: ['events'] })) {
    if (!data || !data.pages.some((p) => p.some((e) => e.id === run.event.id))) continue;
    qc.setQueryData<EventPages>(
      key,
      mapPages(data, (page) => page.map((e) => (e.id === run.event.id ? withRunRef(e, ref) : e))),
    );
  }
  qc.setQueryData<EventDetail>(keys.event(run.event.id), (old) => (old ? withRunRef(old, ref) : old));
}

/** Fetches the run detail again without cancelling a fetch already on its way (messages arrive
 *  faster than a fetch completes: cancelling would restart it forever). */
function refetchRun(qc: QueryClient, runId: string): void {
  void qc.invalidateQueries({ queryKey: keys.run(runId), exact: true }, { cancelRefetch: false });
}

// A step message carries no logs (they come as `log` deltas): keep the cached lines, and refetch
// when their count differs from the server's (a delta was missed) or the message was cut.
function applyStep(qc: QueryClient, runId: string, live: LiveStep): void {
  let stale = false;
  qc.setQueryData<RunDetail>(keys.run(runId), (old) => {
    if (!old) return old;
    const { logCount, truncated, ...rest } = live;
    const before = old.steps.find((s) => s.id === live.id);
    const logs = before?.logs ?? [];
    stale = logs.length !== logCount || truncated === true;
    const step: StepRunDto = truncated && before ? { ...rest, inputs: before.inputs, outputs: before.outputs, logs } : { ...rest, logs };
    return { ...old, steps: before ? old.steps.map((s) => (s.id === step.id ? step : s)) : [...old.steps, step] };
  });
  if (stale) refetchRun(qc, runId);
  refetchAfterFirstFetch(qc, keys.run(runId));
}

// Deltas carry the index of their first line: lines are written at that place (a message seen
// twice changes nothing); a delta that starts past the cached end means some were missed (a
// reconnect beyond what the capped stream keeps): the run is fetched again instead.
function applyLog(qc: QueryClient, msg: LiveLogMessage): void {
  let gap = false;
  qc.setQueryData<RunDetail>(keys.run(msg.runId), (old) => {
    if (!old) return old;
    const step = old.steps.find((s) => s.id === msg.stepId);
    if (!step || msg.offset > step.logs.length) {
      gap = true;
      return old;
    }
    const head = step.logs.slice(0, msg.offset);
    const logs = msg.replace ? [...head, ...msg.lines] : [...head, ...msg.lines, ...step.logs.slice(msg.offset + msg.lines.length)];
    return { ...old, steps: old.steps.map((s) => (s === step ? { ...s, logs } : s)) };
  });
  if (gap) refetchRun(qc, msg.runId);
  refetchAfterFirstFetch(qc, keys.run(msg.runId));
}

export function applyLiveMessage(qc: QueryClient, msg: LiveMessage): void {
  switch (msg.kind) {
    case 'event':
      return applyEvent(qc, msg.event);
    case 'run':
      return applyRun(qc, msg.run);
    case 'step':
      return applyStep(qc, msg.runId, msg.step);
    case 'log':
      return applyLog(qc, msg);
    case 'train':
      return invalidateTrainQueries(qc, { pipeline: msg.train.pipeline, trainId: msg.train.id });
    default: {
      const never: never = msg;
      return never;
    }
  }
}
