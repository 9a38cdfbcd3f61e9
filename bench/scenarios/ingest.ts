// 1. Durable ingest against its floor, A/B/A in one run: the bare node:http + pg INSERT server
// (bench/lib/bare-intake.mjs), then the product's generic endpoint, then the bare server again,
// each N POSTs of the same body at the same concurrency. The worker is paused (SIGSTOP) for all
// three legs so it does not take CPU from whichever server is measured; both are warmed up at full
// concurrency first. The ratio divides by the mean of both bare legs, so drift over the run (other
// load on the box) shows as a gap between them instead of skewing the ratio one way.
// Afterwards the worker resumes and drains the backlog, which gives the burst drain rate.
import { closedLoop, type RequestSpec, type Sample } from '../lib/http-load';
import { runTimings, waitForRuns } from '../lib/runs-db';
import { ONE_STEP_TYPE } from '../lib/seed';
import { perSecond, round, summarize } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

type Leg = { name: string; requestsPerSec: number; latencyMs: Record<string, number>; errors: number; errorSamples: { status: number; error?: string }[] };

async function leg(name: string, spec: RequestSpec, total: number, concurrency: number): Promise<Leg & { samples: Sample[] }> {
  const { samples, wallMs } = await closedLoop(spec, total, concurrency);
  const errors = samples.filter((s) => s.status !== 202);
  const lat = summarize(samples.map((s) => s.ms));
  return { name, samples, requestsPerSec: round(perSecond(samples.length - errors.length, wallMs)), errors: errors.length,
    latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, round(v, 2)])), errorSamples: errors.slice(0, 5).map((e) => ({ status: e.status, error: e.error })) };
}

export const ingest = (opts: { total: number; concurrency: number; warmup: number }): Scenario => ({
  name: 'ingest',
  async run(ctx) {
    const c = opts.concurrency;
    const product = ctx.intake(ONE_STEP_TYPE, 'ingest');
    const bare = ctx.bare(ONE_STEP_TYPE, 'ingest');
    let legs: (Leg & { samples: Sample[] })[];
    let warm: Sample[];
    ctx.worker.pause();
    const resumedAt = { t: 0 };
    try {
      // Warm-up at full concurrency: JIT, both connection pools at their size, route compilation.
      await closedLoop(bare, opts.warmup, c);
      warm = (await closedLoop(ctx.intake(ONE_STEP_TYPE, 'warmup'), opts.warmup, c)).samples;
      legs = [await leg('bare', bare, opts.total, c), await leg('product', product, opts.total, c), await leg('bare', bare, opts.total, c)];
    } finally {
      ctx.worker.resume();
      resumedAt.t = Date.now();
    }
    const [bare1, mine, bare2] = legs;
    const bareRps = (bare1.requestsPerSec + bare2.requestsPerSec) / 2;
    const ratio = mine.requestsPerSec / bareRps;

    // Drain: every accepted event becomes a one-step run; how fast does the worker catch up?
    const idsOf = (list: Sample[]) => list.flatMap((s) => (s.id ? [s.id] : []));
    await waitForRuns(ctx.pool, [...idsOf(warm), ...idsOf(mine.samples)], 300_000);
    const timings = await runTimings(ctx.pool, idsOf(mine.samples));
    const last = Math.max(...timings.map((t) => t.finishedAt?.getTime() ?? NaN));
    const failed = timings.filter((t) => t.status !== 'succeeded').length;
    const drain = { runs: timings.length, failed, spanMs: last - resumedAt.t, runsPerSec: round(perSecond(timings.length, last - resumedAt.t)) };

    const strip = ({ samples: _s, ...rest }: Leg & { samples: Sample[] }) => rest;
    const json = { total: opts.total, concurrency: c, warmup: opts.warmup, workerPaused: true, legs: legs.map(strip),
      requestsPerSec: mine.requestsPerSec, latencyMs: mine.latencyMs, errors: mine.errors, bareRequestsPerSec: round(bareRps), ratioToBare: round(ratio, 3), drain };
    const section = `ingest A/B/A (N=${opts.total} each, c=${c}, worker paused)`;
    const legRow = (l: Leg, i: number) => ({ section, metric: `${i + 1}. ${l.name}`, value: fmt.rate(l.requestsPerSec, 'req/s'),
      note: `p50 ${fmt.ms(l.latencyMs.p50)}, p99 ${fmt.ms(l.latencyMs.p99)}, max ${fmt.ms(l.latencyMs.max)}; ${l.errors} non-202${l.errorSamples[0] ? ` (first: ${l.errorSamples[0].status} ${l.errorSamples[0].error})` : ''}` });
    return {
      json,
      rows: [
        ...legs.map(legRow),
        { section, metric: 'product ÷ bare (mean of legs 1, 3)', value: fmt.ratio(ratio), note: `bare ${fmt.rate(bareRps, 'req/s')}; the bare server: node:http + pg, one INSERT, no auth/queue/live` },
        { section, metric: 'worker drain after resume', value: fmt.rate(drain.runsPerSec, 'runs/s'), note: `${fmt.count(timings.length)} 1-step runs, resume → last finish; ${failed} not succeeded` },
      ],
    };
  },
});
