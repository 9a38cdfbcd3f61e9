// What every scenario gets, and what it gives back. A new scenario is one file exporting a
// `Scenario`, plus one line in bench/index.ts; the runner prints its rows and stores its JSON.
import type pg from 'pg';
import type { RequestSpec } from '../lib/http-load';
import type { Row } from '../lib/table';

export type BenchContext = {
  baseUrl: string;
  redisUrl: string;
  pool: pg.Pool;
  /** POST spec for the generic endpoint with the bench source's token; `type` picks the workflow. */
  intake: (type: string, phase: string) => RequestSpec;
  log: (line: string) => void;
  /** Results of scenarios that already ran, by name (ratios need the raw BullMQ numbers). */
  results: Record<string, unknown>;
};

export type Scenario = { name: string; run: (ctx: BenchContext) => Promise<{ json: unknown; rows: Row[] }> };
