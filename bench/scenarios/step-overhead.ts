// Per-step overhead (issue 3): T(N) for one run of an N-step chain of no-op `log` steps, runs sent
// one at a time so nothing queues behind anything else. (T(N) − T(1)) / (N − 1) is what each extra
// step costs: claim, load run, settle transaction, enqueue successor, one queue hop, live publish.
import { closedLoop } from '../lib/http-load';
import { ms, runTimings, waitForRuns } from '../lib/runs-db';
import { chainType } from '../lib/seed';
import { round, summarize } from '../lib/stats';
import { fmt } from '../lib/table';
import type { Scenario } from './context';

export const stepOverhead = (opts: { lengths: number[]; repeats: (n: number) => number }): Scenario => ({
  name: 'stepOverhead',
  async run(ctx) {
    const perLength: { steps: number; runs: number; endToEndMs: number; firstStepToFinishMs: number }[] = [];
    for (const n of opts.lengths) {
      const spec = ctx.intake(chainType(n), `overhead-${n}`);
      const ids: string[] = [];
      for (let i = 0; i < opts.repeats(n); i++) {
        const { samples } = await closedLoop(spec, 1, 1);
        if (!samples[0].id) throw new Error(`chain-${n} event not accepted: ${samples[0].status} ${samples[0].error}`);
        await waitForRuns(ctx.pool, [samples[0].id], 60_000, 10);
        ids.push(samples[0].id);
      }
      const timings = await runTimings(ctx.pool, ids);
      if (timings.some((t) => t.status !== 'succeeded')) throw new Error(`a chain-${n} run did not succeed`);
      perLength.push({
        steps: n,
        runs: ids.length,
        endToEndMs: summarize(timings.map((t) => ms(t.receivedAt, t.finishedAt))).p50,
        firstStepToFinishMs: summarize(timings.map((t) => ms(t.firstStepStartedAt!, t.finishedAt))).p50,
      });
    }
    const one = perLength.find((p) => p.steps === 1);
    const overhead = perLength.filter((p) => p.steps > 1).map((p) => ({
      steps: p.steps,
      perStepMs: one ? (p.endToEndMs - one.endToEndMs) / (p.steps - 1) : NaN,
    }));
    const section = 'per-step overhead (sequential runs)';
    return {
      json: { perLength: perLength.map((p) => ({ ...p, endToEndMs: round(p.endToEndMs), firstStepToFinishMs: round(p.firstStepToFinishMs) })),
        perStepOverheadMs: overhead.map((o) => ({ ...o, perStepMs: round(o.perStepMs, 2) })) },
      rows: [
        ...perLength.map((p) => ({ section, metric: `T(${p.steps}) p50`, value: fmt.ms(p.endToEndMs),
          note: `received → run finished, ${p.runs} runs; 1st step → finish ${fmt.ms(p.firstStepToFinishMs)}` })),
        ...overhead.map((o) => ({ section, metric: `per step, N=${o.steps}`, value: fmt.ms(o.perStepMs), note: '(T(N) − T(1)) / (N − 1)' })),
      ],
    };
  },
});
