// 5. Live stream fan-out: `clients` readers of the real /api/stream on one web process (through
// the production server), then `changes` one-step runs sent one after another. For each run and
// each reader: Run.finishedAt (committed by the worker) → the reader got the run's "succeeded"
// message (worker → Redis stream → the web process's one reader → every SSE response). Memory per
// client is the growth of the web process's live memory (heap and external, which holds the buffers,
// read after a full GC by bench/lib/heap-probe.mjs) from before the readers connected to after;
// the RSS growth is printed beside it. RSS alone said nothing: the collector returning the earlier
// scenarios' garbage while the readers connected made it fall.
import { closedLoop } from '../lib/http-load';
import { rssBytes } from '../lib/proc';
import { waitForRuns } from '../lib/runs-db';
import { ONE_STEP_TYPE } from '../lib/seed';
import { openReader, openReaders } from '../lib/sse-clients';
import { round, summarize } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

const succeededRun = (m: unknown): string | null => {
  const msg = m as { kind?: string; run?: { id?: string; status?: string } };
  return msg.kind === 'run' && msg.run?.status === 'succeeded' && msg.run.id ? msg.run.id : null;
};

const WARMUP = 3;

export const sseFanout = (opts: { clients: number; changes: number }): Scenario => ({
  name: 'sseFanout',
  async run(ctx) {
    const pids = ctx.webPids();
    const rssBefore = rssBytes(pids);
    const heapBefore = await ctx.webHeap();
    const t0 = Date.now();
    const readers = await openReaders(opts.clients, 50, () => openReader(`${ctx.baseUrl}/api/stream`, ctx.adminToken, succeededRun, '"succeeded"'));
    const connectMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 1000)); // let allocation settle before reading RSS
    const rssAfter = rssBytes(pids);
    const heapAfter = await ctx.webHeap();
    try {
      const runFinish = new Map<string, number>(); // run id → Run.finishedAt (ms)
      // The first changes after a thousand streams opened meet cold code and the connections'
      // garbage: WARMUP changes go out first, unmeasured, as the other scenarios warm up.
      for (let i = -WARMUP; i < opts.changes; i++) {
        const { samples } = await closedLoop(ctx.intake(ONE_STEP_TYPE, `sse-${i}`), 1, 1);
        if (!samples[0].id) throw new Error(`sse event not accepted: ${samples[0].status} ${samples[0].error}`);
        await waitForRuns(ctx.pool, [samples[0].id], 30_000, 20);
        const { rows } = await ctx.pool.query<{ id: string; finishedAt: Date }>(`SELECT id, "finishedAt" FROM "Run" WHERE "eventId" = $1`, [samples[0].id]);
        if (i >= 0) runFinish.set(rows[0].id, rows[0].finishedAt.getTime());
        await new Promise((r) => setTimeout(r, 200)); // one change at a time, as a person watches it
      }
      // Bounded wait for the last messages to reach every reader.
      const deadline = Date.now() + 15_000;
      const complete = () => readers.every((r) => [...runFinish.keys()].every((id) => r.seen.has(id)));
      while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const latencies: number[] = [];
      let missing = 0;
      for (const r of readers) {
        for (const [id, finished] of runFinish) {
          const at = r.seen.get(id);
          if (at === undefined) missing++;
          else latencies.push(at - finished);
        }
      }
      const lat = summarize(latencies);
      const live = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external; // external includes arrayBuffers (Node's docs)
      const perClient = heapBefore && heapAfter ? (live(heapAfter) - live(heapBefore)) / opts.clients : NaN;
      const rssPerClient = (rssAfter - rssBefore) / opts.clients;
      const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
      const section = `live stream fan-out (${fmt.count(opts.clients)} readers, 1 web process)`;
      return {
        json: { ...opts, connectMs, rssBeforeBytes: rssBefore, rssAfterBytes: rssAfter, rssBytesPerClient: Math.round(rssPerClient),
          liveBefore: heapBefore, liveAfter: heapAfter, bytesPerClient: Number.isFinite(perClient) ? Math.round(perClient) : null, missing,
          statusToBrowserMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, round(v, 2)])) },
        rows: [
          { section, metric: 'status change → browser p50', value: fmt.ms(lat.p50), note: `Run.finishedAt → reader got "succeeded"; ${fmt.count(lat.n)} samples (${opts.changes} runs × readers, after ${WARMUP} unmeasured)` },
          { section, metric: 'status change → browser p99', value: fmt.ms(lat.p99), note: `max ${fmt.ms(lat.max)}; ${missing} deliveries missing` },
          { section, metric: 'memory per client', value: Number.isFinite(perClient) ? kib(perClient) : 'n/a',
            note: `${Number.isFinite(perClient) ? `live memory after a full GC, ${(live(heapBefore!) / 2 ** 20).toFixed(0)} → ${(live(heapAfter!) / 2 ** 20).toFixed(0)} MiB` : 'no heap probe (in-process web)'}; RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB (${kib(rssPerClient)} per client); all connected in ${(connectMs / 1000).toFixed(1)} s` },
        ],
      };
    } finally {
      for (const r of readers) r.close();
    }
  },
});
