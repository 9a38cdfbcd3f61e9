// 1. Intake throughput: N POSTs at fixed concurrency to the generic endpoint. Each request is HTTP
// + source lookup + token check (an ApiToken hash lookup, then the source's hash compare) + one
// Postgres transaction + one BullMQ add + a live-stream publish, answered 202 after commit.
// Afterwards we wait for the worker to finish every run, which also gives the burst drain rate.
import { closedLoop } from '../lib/http-load';
import { runTimings, waitForRuns } from '../lib/runs-db';
import { ONE_STEP_TYPE } from '../lib/seed';
import { perSecond, round, summarize } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

export const ingest = (opts: { total: number; concurrency: number; warmup: number }): Scenario => ({
  name: 'ingest',
  async run(ctx) {
    // Warm-up: first requests pay route compilation, JIT and connection-pool start-up.
    const warm = await closedLoop(ctx.intake(ONE_STEP_TYPE, 'warmup'), opts.warmup, Math.min(8, opts.concurrency));
    const { samples, wallMs } = await closedLoop(ctx.intake(ONE_STEP_TYPE, 'ingest'), opts.total, opts.concurrency);
    const errors = samples.filter((s) => s.status !== 202);
    const lat = summarize(samples.map((s) => s.ms));
    const rps = perSecond(samples.length - errors.length, wallMs);

    // Drain: every accepted event becomes a one-step run; how fast does the worker catch up?
    const idsOf = (list: typeof samples) => list.flatMap((s) => (s.id ? [s.id] : []));
    await waitForRuns(ctx.pool, [...idsOf(warm.samples), ...idsOf(samples)], 150_000);
    const timings = await runTimings(ctx.pool, idsOf(samples));
    const first = Math.min(...timings.map((t) => t.receivedAt.getTime()));
    const last = Math.max(...timings.map((t) => t.finishedAt?.getTime() ?? NaN));
    const failed = timings.filter((t) => t.status !== 'succeeded').length;
    const drain = { runs: timings.length, failed, spanMs: last - first, runsPerSec: perSecond(timings.length, last - first) };

    const json = { total: opts.total, concurrency: opts.concurrency, warmup: opts.warmup, wallMs: round(wallMs), requestsPerSec: round(rps),
      latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, round(v, 2)])), errors: errors.length,
      errorSamples: errors.slice(0, 5).map((e) => ({ status: e.status, error: e.error })), drain: { ...drain, runsPerSec: round(drain.runsPerSec) } };
    const section = `ingest (N=${opts.total}, c=${opts.concurrency})`;
    return {
      json,
      rows: [
        { section, metric: 'requests/s', value: fmt.rate(rps, 'req/s'), note: `${fmt.count(samples.length)} requests in ${(wallMs / 1000).toFixed(2)} s` },
        { section, metric: 'latency p50', value: fmt.ms(lat.p50) },
        { section, metric: 'latency p99', value: fmt.ms(lat.p99) },
        { section, metric: 'latency max', value: fmt.ms(lat.max) },
        { section, metric: 'errors (non-202)', value: fmt.count(errors.length), note: errors[0] ? `first: ${errors[0].status} ${errors[0].error}` : 'must be 0' },
        { section, metric: 'worker drain', value: fmt.rate(drain.runsPerSec, 'runs/s'), note: `1-step runs, first receive → last finish; ${failed} not succeeded` },
      ],
    };
  },
});
