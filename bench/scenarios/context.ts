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
  /** POST spec for the bare node:http + pg INSERT server (bench/lib/bare-intake.mjs), same body shape. */
  bare: (type: string, phase: string) => RequestSpec;
  /** SIGSTOP / SIGCONT the worker's process group, so a measurement of the web alone is not shared with it. */
  worker: { pause: () => void; resume: () => void };
  /** Pids of the web server's process group (RSS for memory per client); empty for in-process. */
  webPids: () => number[];
  /** The web process's memory after a full GC (bench/lib/heap-probe.mjs); null for in-process. */
  webHeap: () => Promise<NodeJS.MemoryUsage | null>;
  /** An admin API token (read access for /api/stream). */
  adminToken: string;
  /** Results of scenarios that already ran, by name (ratios need the raw BullMQ numbers). */
  results: Record<string, unknown>;
};

export type Scenario = { name: string; run: (ctx: BenchContext) => Promise<{ json: unknown; rows: Row[] }> };
