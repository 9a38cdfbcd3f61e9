// 4. Ratio lines: our numbers against the raw BullMQ ceiling measured in the same run. They measure
// different things on purpose; the note says what, so nobody reads a ratio of 0.05 as "20× slower
// BullMQ": it is the price of HTTP + auth + a durable commit per event.
import { fmt } from '../lib/table';
import { rawCeiling } from './raw-bullmq';
import type { Scenario } from './context';

export const ratios: Scenario = {
  name: 'ratios',
  async run(ctx) {
    const raw = rawCeiling(ctx.results);
    const ingest = ctx.results.ingest as { requestsPerSec: number; drain: { runsPerSec: number } } | undefined;
    if (!raw || !ingest) return { json: null, rows: [] };
    const ingestRatio = ingest.requestsPerSec / raw.jobsPerSec;
    const drainRatio = ingest.drain.runsPerSec / raw.jobsPerSec;
    const section = 'ratios vs raw BullMQ';
    return {
      json: { rawJobsPerSec: raw.jobsPerSec, ingestRequestsPerSec: ingest.requestsPerSec, ingestToRaw: ingestRatio, oneStepRunsPerSec: ingest.drain.runsPerSec, runsToRaw: drainRatio },
      rows: [
        { section, metric: 'ingest req/s ÷ raw jobs/s', value: fmt.ratio(ingestRatio),
          note: `ingest = HTTP + source/token hash lookup + Postgres transaction + 1 enqueue + live publish; raw = ${fmt.count(raw.jobs)} no-op jobs, Redis only` },
        { section, metric: '1-step runs/s ÷ raw jobs/s', value: fmt.ratio(drainRatio),
          note: 'a 1-step run = 2 jobs (event.process, step.run) + run creation, claim and settle transactions' },
      ],
    };
  },
};
