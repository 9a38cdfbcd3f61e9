// Last: one line per goal of issue 11, each from figures measured earlier in this same run, with
// pass or fail. A goal whose scenario did not run (BENCH_ONLY, BENCH_QUICK) says so instead.
import { fmt, type Row } from '../lib/table';
import { rawChainedResult } from './raw-chained';
import type { Scenario } from './context';

type Goal = { goal: string; measured: string; pass: boolean | null; note: string };

type Summary = { p50: number; p99: number };
type R = {
  ingest?: { requestsPerSec: number; bareRequestsPerSec: number; ratioToBare: number; latencyMs: Summary };
  latency?: { receivedToFirstStepStartMs: Summary & { n: number } };
  stepOverhead?: { perStepOverheadMs: { steps: number; perStepMs: number }[] };
  stepThroughput?: { stepsPerSec: number };
  sseFanout?: { statusToBrowserMs: Summary & { n: number }; bytesPerClient: number | null; missing: number };
};

/** Per-step cost counts as flat in N when N=100 costs at most this much more per step than N=10. */
const FLAT = 1.5;

export function goals(results: Record<string, unknown>): Goal[] {
  const r = results as R;
  const raw = rawChainedResult(results);
  const skipped = (goal: string): Goal => ({ goal, measured: 'not run', pass: null, note: '' });
  const out: Goal[] = [];

  const ig = 'ingest c=32: ≥ 0.5 × bare, p99 < 50 ms';
  out.push(r.ingest ? { goal: ig, measured: `${fmt.ratio(r.ingest.ratioToBare)}, p99 ${fmt.ms(r.ingest.latencyMs.p99)}`,
    pass: r.ingest.ratioToBare >= 0.5 && r.ingest.latencyMs.p99 < 50, note: `${fmt.rate(r.ingest.requestsPerSec, 'req/s')} vs bare ${fmt.rate(r.ingest.bareRequestsPerSec, 'req/s')}` } : skipped(ig));

  const lg = 'event → 1st step, 50/s: p50 ≤ 5 ms, p99 ≤ 25 ms';
  const l = r.latency?.receivedToFirstStepStartMs;
  out.push(l ? { goal: lg, measured: `p50 ${fmt.ms(l.p50)}, p99 ${fmt.ms(l.p99)}`, pass: l.p50 <= 5 && l.p99 <= 25, note: `${fmt.count(l.n)} samples` } : skipped(lg));

  const sg = 'per-step overhead ≤ 3 ms, flat in N';
  const per = r.stepOverhead?.perStepOverheadMs ?? [];
  const n10 = per.find((p) => p.steps === 10)?.perStepMs;
  const n100 = per.find((p) => p.steps === 100)?.perStepMs;
  out.push(n10 !== undefined && n100 !== undefined
    ? { goal: sg, measured: `${fmt.ms(n10)} (N=10), ${fmt.ms(n100)} (N=100)`, pass: Math.max(n10, n100) <= 3 && n100 <= n10 * FLAT,
        note: `raw BullMQ per hop ${raw ? fmt.ms(raw.sequential.perHopMs) : 'n/a'}; flat = N=100 ≤ ${FLAT} × N=10` }
    : skipped(sg));

  const tg = 'no-op steps/s ≥ 0.5 × raw chained BullMQ';
  const steps = r.stepThroughput?.stepsPerSec;
  out.push(steps !== undefined && raw
    ? { goal: tg, measured: fmt.ratio(steps / raw.parallel.jobsPerSec), pass: steps / raw.parallel.jobsPerSec >= 0.5,
        note: `${fmt.rate(steps, 'steps/s')} vs ${fmt.rate(raw.parallel.jobsPerSec, 'jobs/s')} (c=${raw.parallel.concurrency})` }
    : skipped(tg));

  const fg = 'live stream, 1,000 readers: p99 ≤ 100 ms';
  const f = r.sseFanout;
  out.push(f ? { goal: fg, measured: `p99 ${fmt.ms(f.statusToBrowserMs.p99)}`, pass: f.statusToBrowserMs.p99 <= 100 && f.missing === 0,
    note: `${f.bytesPerClient !== null ? `${(f.bytesPerClient / 1024).toFixed(1)} KiB per client (live memory after GC)` : 'memory per client not measured (no heap probe)'}; ${f.missing} missing` } : skipped(fg));
  return out;
}

export const ratios: Scenario = {
  name: 'ratios',
  async run(ctx) {
    const list = goals(ctx.results);
    const rows: Row[] = list.map((g) => ({ section: 'goals (issue 11)', metric: g.goal, value: g.pass === null ? '—' : g.pass ? 'PASS' : 'FAIL', note: `${g.measured}; ${g.note}` }));
    return { json: list, rows };
  },
};
