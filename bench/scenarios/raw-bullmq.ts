// 3. Raw BullMQ baseline on the bench Redis (no HTTP, no Postgres): the ceiling for job dispatch.
import { rawBullmq, type RawResult } from '../lib/bullmq-raw';
import { round } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

export const rawBaseline = (opts: { sizes: number[]; concurrency: number }): Scenario => ({
  name: 'rawBullmq',
  async run(ctx) {
    const results: RawResult[] = [];
    for (const size of opts.sizes) results.push(await rawBullmq(ctx.redisUrl, size, opts.concurrency));
    return {
      json: results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
      rows: results.map((r) => ({
        section: `raw BullMQ (c=${opts.concurrency})`,
        metric: `${fmt.count(r.jobs)} no-op jobs`,
        value: fmt.rate(r.jobsPerSec, 'jobs/s'),
        note: `process only; addBulk took ${fmt.ms(r.addMs)} (${fmt.rate(r.totalJobsPerSec, 'jobs/s')} incl. add)`,
      })),
    };
  },
});

/** The raw jobs/s for the largest size measured, which STACK.md quotes as the ceiling. */
export const rawCeiling = (results: Record<string, unknown>) => {
  const list = results.rawBullmq as { jobs: number; jobsPerSec: number }[] | undefined;
  return list?.reduce((a, b) => (b.jobs > a.jobs ? b : a));
};
