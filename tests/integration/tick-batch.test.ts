// A worker's live publishes wait for the end of the event loop's turn and share one pipeline
// (server/queue/tick-batch.ts); an enqueue writes that pipeline first, so a step's outcome is on
// the stream before the job of its successor. Real Redis.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeSharedRedis, createRedis, sharedRedis } from '@/server/queue/connection';
import { closeQueues, enqueueSafely } from '@/server/queue/enqueue';
import { deferCommands, flushDeferred } from '@/server/queue/tick-batch';
import { waitFor } from '../support/harness';

const KEY = 'railyard:test:tick-batch';
let redis: Redis;
beforeAll(() => { redis = createRedis('test-tick-batch'); });
afterAll(async () => { await closeQueues(); await closeSharedRedis(); await redis.quit(); });
beforeEach(async () => { await redis.del(KEY); });

const entries = async () => (await redis.xrange(KEY, '-', '+')).map(([, fields]) => fields[1]);
const add = (data: string) => deferCommands(redis, (p) => p.xadd(KEY, '*', 'data', data));

describe('deferCommands', () => {
  it('holds the commands of one turn for one pipeline, in order, and answers each caller with its own results', async () => {
    const a = add('a');
    const b = deferCommands(redis, (p) => p.xadd(KEY, '*', 'data', 'b1').xadd(KEY, '*', 'data', 'b2'));
    expect(await entries()).toEqual([]); // nothing written until the turn ends
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toHaveLength(1);
    expect(rb).toHaveLength(2);
    const ids = await redis.xrange(KEY, '-', '+');
    expect(ids.map(([, f]) => f[1])).toEqual(['a', 'b1', 'b2']);
    expect([...ra, ...rb]).toEqual(ids.map(([id]) => [null, id]));
    const c = add('c');
    await c;
    expect(await entries()).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('flushDeferred writes the batch ahead of commands issued after it on the same connection', async () => {
    const deferred = add('outcome');
    flushDeferred();
    const direct = redis.xadd(KEY, '*', 'data', 'successor');
    await Promise.all([deferred, direct]);
    expect(await entries()).toEqual(['outcome', 'successor']);
  });

  it('without the flush a direct command would overtake it: the ordering above is the flush', async () => {
    const deferred = add('outcome');
    const direct = redis.xadd(KEY, '*', 'data', 'successor');
    await Promise.all([deferred, direct]);
    expect(await entries()).toEqual(['successor', 'outcome']);
  });

  it('an enqueue flushes the batch: Redis runs the published message before the job is added', async () => {
    // enqueueSafely adds on the process's shared connection, so the message is deferred there
    // too. MONITOR reports commands in the order Redis runs them.
    const shared = sharedRedis();
    const runId = `tick-${Date.now()}`;
    // A first add builds the producer (round trips of its own); the one observed is a warm one,
    // whose commands are issued within microtasks, well before the turn ends.
    await enqueueSafely('step.run', [{ stepRunId: 'sr', runId: `${runId}-warm`, stepId: 's1', attempt: 1, wake: false }]);
    const monitor = await redis.monitor();
    const seen: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[0]?.toLowerCase() === 'xadd' && args[1] === KEY) seen.push('outcome');
      else if (args.some((a) => typeof a === 'string' && a.includes(`${runId}.s2`))) seen.push('job');
    });
    const deferred = deferCommands(shared, (p) => p.xadd(KEY, '*', 'data', 'outcome'));
    await Promise.all([deferred, enqueueSafely('step.run', [{ stepRunId: 'sr', runId, stepId: 's2', attempt: 1, wake: false }])]);
    await waitFor(async () => seen.length >= 2 || undefined, 5_000, 'both commands on MONITOR');
    monitor.disconnect();
    expect(seen.slice(0, 2)).toEqual(['outcome', 'job']);
    const queue = new Queue('steps', { connection: redis });
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    await Promise.all(jobs.filter((j) => j.data.runId.startsWith(runId)).map((j) => j.remove()));
    await queue.close();
  });

  it('answers each command of a batch on a closed connection with its error, and the next turn starts afresh', async () => {
    const dead = createRedis('test-tick-batch-dead');
    dead.disconnect(); // no reconnect: commands on it fail
    const results = await deferCommands(dead, (pl) => pl.xadd(KEY, '*', 'data', 'lost'));
    expect(results).toHaveLength(1);
    expect(results[0][0]?.message).toMatch(/closed/i);
    await add('after');
    expect(await entries()).toEqual(['after']);
  });
});
