import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refetchAfterFirstFetch, refetchFresh } from './refetch-after-fetch';

/** A query function whose answers the test hands out one by one. */
function controlled() {
  const answers: ((v: string) => void)[] = [];
  let calls = 0;
  const fn = () => {
    calls += 1;
    return new Promise<string>((resolve) => answers.push(resolve));
  };
  return { fn, answers, calls: () => calls };
}

describe('refetchAfterFirstFetch', () => {
  it('fetches once more after a first fetch that a message raced, however many messages came', async () => {
    const qc = new QueryClient();
    const q = controlled();
    // An observer, as a mounted useRun is: only watched queries are fetched again.
    const observer = new QueryObserver(qc, { queryKey: ['run', 'r1'], queryFn: q.fn });
    const stop = observer.subscribe(() => {});
    refetchAfterFirstFetch(qc, ['run', 'r1']);
    refetchAfterFirstFetch(qc, ['run', 'r1']);
    expect(q.calls()).toBe(1);
    q.answers[0]!('read before the change');
    await expect.poll(() => q.calls()).toBe(2);
    q.answers[1]!('fresh');
    await expect.poll(() => qc.getQueryData(['run', 'r1'])).toBe('fresh');
    expect(q.calls()).toBe(2);
    stop();
  });

  it('does nothing for a query that has data or is not fetching', async () => {
    const qc = new QueryClient();
    qc.setQueryData(['run', 'r2'], 'cached');
    refetchAfterFirstFetch(qc, ['run', 'r2']);
    refetchAfterFirstFetch(qc, ['run', 'unknown']);
    expect(qc.getQueryCache().find({ queryKey: ['run', 'r2'] })?.state.fetchStatus).toBe('idle');
    expect(qc.getQueryCache().find({ queryKey: ['run', 'unknown'] })).toBeUndefined();
  });

  it('refetches idle queries under a prefix now, and one in flight right after it settles', async () => {
    const qc = new QueryClient();
    const idle = controlled();
    const busy = controlled();
    const a = new QueryObserver(qc, { queryKey: ['train', 'idle'], queryFn: idle.fn });
    const b = new QueryObserver(qc, { queryKey: ['train', 'busy'], queryFn: busy.fn });
    const stops = [a.subscribe(() => {}), b.subscribe(() => {})];
    idle.answers[0]!('idle v1');
    await expect.poll(() => qc.getQueryData(['train', 'idle'])).toBe('idle v1');
    refetchFresh(qc, ['train']);
    expect(idle.calls()).toBe(2); // refetched at once
    expect(busy.calls()).toBe(1); // the fetch in flight is kept…
    busy.answers[0]!('read before the change');
    await expect.poll(() => busy.calls()).toBe(2); // …and followed by one more
    stops.forEach((stop) => stop());
  });
});
