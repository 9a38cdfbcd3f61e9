// 2. Latency at a modest steady rate (open loop, so slow answers do not slow the arrivals). Read
// from the database: Event.receivedAt → the first step's handler ran (the `log` step's own log
// line: queue hops + event matching + run creation + the claim), and → Run.finishedAt (the whole
// one-step run). Not StepRun.startedAt: that is the claim's time, and since the first step is
// created claimed (runs/create-run.ts) the claim is stamped before run creation's round trip.
import { openLoop } from '../lib/http-load';
import { ms, runTimings, waitForRuns } from '../lib/runs-db';
import { ONE_STEP_TYPE } from '../lib/seed';
import { round, summarize, type Summary } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

const rounded = (s: Summary) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 2)]));

export const latency = (opts: { total: number; perSecond: number }): Scenario => ({
  name: 'latency',
  async run(ctx) {
    const { samples } = await openLoop(ctx.intake(ONE_STEP_TYPE, 'latency'), opts.total, opts.perSecond);
    const errors = samples.filter((s) => s.status !== 202).length;
    const ids = samples.flatMap((s) => (s.id ? [s.id] : []));
    await waitForRuns(ctx.pool, ids, 60_000);
    const timings = await runTimings(ctx.pool, ids);
    const http = summarize(samples.map((s) => s.ms));
    const toStart = summarize(timings.map((t) => ms(t.receivedAt, t.firstLogAt)));
    const toFinish = summarize(timings.map((t) => ms(t.receivedAt, t.finishedAt)));
    // The two stages: the web's commit → the worker's claim of the event, then → the handler ran.
    const toProcessed = summarize(timings.map((t) => ms(t.receivedAt, t.processedAt)));
    const processedToStart = summarize(timings.map((t) => (t.processedAt ? ms(t.processedAt, t.firstLogAt) : NaN)));
    const section = `latency (${opts.total} events @ ${opts.perSecond}/s)`;
    return {
      json: { ...opts, errors, httpMs: rounded(http), receivedToFirstStepStartMs: rounded(toStart), receivedToRunFinishedMs: rounded(toFinish),
        receivedToProcessedMs: rounded(toProcessed), processedToFirstStepStartMs: rounded(processedToStart) },
      rows: [
        { section, metric: 'HTTP 202 p50 / p99', value: `${fmt.ms(http.p50)} / ${fmt.ms(http.p99)}`, note: `${errors} errors` },
        { section, metric: 'received → 1st step started p50', value: fmt.ms(toStart.p50), note: 'Event.receivedAt → the first step\'s handler ran (its first log line)' },
        { section, metric: 'received → 1st step started p99', value: fmt.ms(toStart.p99), note: `max ${fmt.ms(toStart.max)}` },
        { section, metric: 'stages p50 / p99', value: `${fmt.ms(toProcessed.p50)} + ${fmt.ms(processedToStart.p50)}`,
          note: `received → event claimed (p99 ${fmt.ms(toProcessed.p99)}), claimed → its handler ran (p99 ${fmt.ms(processedToStart.p99)})` },
        { section, metric: 'received → run finished p50', value: fmt.ms(toFinish.p50), note: 'Event.receivedAt → Run.finishedAt' },
        { section, metric: 'received → run finished p99', value: fmt.ms(toFinish.p99), note: `max ${fmt.ms(toFinish.max)}` },
      ],
    };
  },
});
