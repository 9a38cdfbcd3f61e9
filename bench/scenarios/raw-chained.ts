// 3b. Raw BullMQ with chained jobs (each job adds its successor) at the product's worker
// concurrency: the ceiling for the step path. `sequential` is one chain (per-hop latency, beside
// the per-step overhead); `parallel` is as many chains as the step-throughput scenario runs, each
// as long (hops/s, beside no-op steps/s), measured after an unmeasured run of the same size, which
// warms the code and Redis's script cache (each run opens its own connections; the step scenario
// is warmed with unmeasured runs too). Runs while web and worker are idle.
import { rawChained, type ChainedResult } from '../lib/bullmq-chained';
import { round } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

export type RawChainedJson = { sequential: ChainedResult; parallel: ChainedResult };

export const rawChainedBaseline = (opts: { hops: number; chains: number; chainHops: number; concurrency: number }): Scenario => ({
  name: 'rawChained',
  async run(ctx) {
    const sequential = await rawChained(ctx.redisUrl, { chains: 1, hops: opts.hops, concurrency: opts.concurrency });
    await rawChained(ctx.redisUrl, { chains: opts.chains, hops: opts.chainHops, concurrency: opts.concurrency, tag: 'warm-up' });
    const parallel = await rawChained(ctx.redisUrl, { chains: opts.chains, hops: opts.chainHops, concurrency: opts.concurrency });
    const r = (x: ChainedResult) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v, 3)])) as ChainedResult;
    const section = `raw BullMQ chained (c=${opts.concurrency})`;
    return {
      json: { sequential: r(sequential), parallel: r(parallel) } satisfies RawChainedJson,
      rows: [
        { section, metric: `per hop, 1 chain × ${opts.hops}`, value: fmt.ms(sequential.perHopMs), note: 'job runs → adds its successor → successor starts; Redis only' },
        { section, metric: `${opts.chains} chains × ${opts.chainHops}`, value: fmt.rate(parallel.jobsPerSec, 'jobs/s'), note: `${fmt.count(opts.chains * opts.chainHops)} jobs in ${(parallel.wallMs / 1000).toFixed(2)} s: the step-throughput ceiling` },
      ],
    };
  },
});

export const rawChainedResult = (results: Record<string, unknown>) => results.rawChained as RawChainedJson | undefined;
