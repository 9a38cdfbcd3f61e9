// Bench knobs, from the environment so a quick local variation needs no code change. Defaults
// keep a full run (with a cached web build) under ~3 minutes on 2 cores.
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
};

export function benchConfig() {
  return {
    ports: { postgres: num('BENCH_PG_PORT', 54340), redis: num('BENCH_REDIS_PORT', 6397), web: num('BENCH_WEB_PORT', 3500), bare: num('BENCH_BARE_PORT', 3501) },
    /** `in-process` skips `next build`/`next start` and serves the route handler from the bench. */
    web: process.env.BENCH_WEB === 'in-process' ? ('in-process' as const) : ('next' as const),
    /** Durable Postgres by default (production-like commits); BENCH_PG_FAST=1 turns fsync off. */
    fastPostgres: process.env.BENCH_PG_FAST === '1',
    workerConcurrency: num('BENCH_WORKER_CONCURRENCY', 20), // the product's default (server/env.ts)
    /** Each of the three A/B/A legs sends `total`; warm-up sends `warmup` to each server at full concurrency. */
    ingest: { total: num('BENCH_INGEST_N', 3000), concurrency: num('BENCH_INGEST_CONCURRENCY', 32), warmup: num('BENCH_INGEST_WARMUP', 500) },
    /** ≥ 1,000 samples, so p99 is the 990th of 1,000 rather than the 3rd-largest of 300. */
    latency: { total: num('BENCH_LATENCY_N', 1000), perSecond: num('BENCH_LATENCY_RATE', 50) },
    /** SSE fan-out: `clients` readers of /api/stream on one web process, `changes` runs whose status they wait for. */
    sse: { clients: num('BENCH_SSE_CLIENTS', 1000), changes: num('BENCH_SSE_CHANGES', 20) },
    /** Settings for the web process under test: the SSE scenario opens 1,000 streams with one token. */
    /** BENCH_LEAN_INTAKE=0 serves the intake through Next's pipeline too (scripts/lib/lean-intake.mjs), to measure the difference. */
    webEnv: { RAILYARD_STREAMS_PER_PERSON: String(num('BENCH_SSE_CLIENTS', 1000)), RAILYARD_STREAMS_TOTAL: String(num('BENCH_SSE_CLIENTS', 1000) + 10),
      RAILYARD_LEAN_INTAKE: process.env.BENCH_LEAN_INTAKE === '0' ? '0' : '1' },
    raw: { sizes: [1_000, 10_000], concurrency: 50 },
    /** Issue 3 scenarios; BENCH_QUICK=1 leaves them out. */
    steps: process.env.BENCH_QUICK === '1' ? null : {
      lengths: [1, 10, 100],
      repeats: (n: number) => (n >= 100 ? 3 : 5),
      throughput: { runs: num('BENCH_THROUGHPUT_RUNS', 1000), warmup: num('BENCH_THROUGHPUT_WARMUP', 200), steps: 10 },
    },
  };
}

export type BenchConfig = ReturnType<typeof benchConfig>;
