// No-op step throughput (issue 3): many 10-step chains at once, so the worker is saturated with
// step jobs. steps/s = all steps / (first step started → last run finished), comparable with raw
// BullMQ with chained jobs at the same concurrency: the gap is what the per-step database work costs.
// Measured after `warmup` unmeasured runs: a fresh worker's first runs meet cold code and cold
// connections (each of the hot pool's connections plans a statement five times before it keeps a
// generic plan, and loads its catalog caches), which a worker running for days has long left behind.
// The ceiling is warmed the same way (raw-chained.ts).
import { closedLoop } from '../lib/http-load';
import { runTimings, waitForRuns } from '../lib/runs-db';
import { chainType } from '../lib/seed';
import { perSecond, round } from '../lib/stats';
import { fmt } from '../lib/table';
import { rawChainedResult } from './raw-chained';
import type { Scenario } from './context';

export const stepThroughput = (opts: { runs: number; warmup: number; steps: number; concurrency: number; workerConcurrency: number }): Scenario => ({
  name: 'stepThroughput',
  async run(ctx) {
    if (opts.warmup > 0) {
      const warm = await closedLoop(ctx.intake(chainType(opts.steps), 'throughput warm-up'), opts.warmup, opts.concurrency);
      await waitForRuns(ctx.pool, warm.samples.flatMap((s) => (s.id ? [s.id] : [])), 150_000);
    }
    const { samples } = await closedLoop(ctx.intake(chainType(opts.steps), 'throughput'), opts.runs, opts.concurrency);
    const ids = samples.flatMap((s) => (s.id ? [s.id] : []));
    if (ids.length !== opts.runs) throw new Error(`${opts.runs - ids.length} chain events were not accepted`);
    await waitForRuns(ctx.pool, ids, 150_000);
    const timings = await runTimings(ctx.pool, ids);
    const start = Math.min(...timings.map((t) => t.firstStepStartedAt!.getTime()));
    const end = Math.max(...timings.map((t) => t.finishedAt!.getTime()));
    const steps = timings.reduce((a, t) => a + t.steps, 0);
    const stepsPerSec = perSecond(steps, end - start);
    // Beside raw BullMQ with chained jobs at the same concurrency (the goal's baseline, ratios.ts).
    const raw = rawChainedResult(ctx.results)?.parallel;
    const ratio = raw ? stepsPerSec / raw.jobsPerSec : NaN;
    const section = `step throughput (${opts.runs} × ${opts.steps}-step runs)`;
    return {
      json: { ...opts, totalSteps: steps, spanMs: end - start, stepsPerSec: round(stepsPerSec), failed: timings.filter((t) => t.status !== 'succeeded').length,
        rawChainedJobsPerSec: raw ? round(raw.jobsPerSec) : null, ratioToRawChained: round(ratio, 4) },
      rows: [
        { section, metric: 'no-op steps/s', value: fmt.rate(stepsPerSec, 'steps/s'),
          note: `${fmt.count(steps)} steps in ${((end - start) / 1000).toFixed(2)} s, worker concurrency ${opts.workerConcurrency}, after ${fmt.count(opts.warmup)} unmeasured runs` },
        { section, metric: 'vs raw chained BullMQ', value: fmt.ratio(ratio),
          note: raw ? `raw chained ${fmt.rate(raw.jobsPerSec, 'jobs/s')} at c=${opts.workerConcurrency}: a chain step is one SQL statement, a run's first and last a few more` : 'raw chained baseline missing' },
      ],
    };
  },
});
