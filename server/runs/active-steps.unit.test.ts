// The event queue's inline-step slots: a quarter of the concurrency (none below four), none while
// stopping, and a freed slot can be taken again.
import { afterEach, describe, expect, it } from 'vitest';
import { acceptSteps, drainSteps, freeEventSlot, takeEventSlot } from './active-steps';

const taken: number[] = [];
afterEach(() => {
  while (taken.pop() !== undefined) freeEventSlot();
  acceptSteps();
});
const take = (concurrency: number) => {
  const ok = takeEventSlot(concurrency);
  if (ok) taken.push(1);
  return ok;
};

describe('event inline-step slots', () => {
  it('gives a quarter of the concurrency, then refuses until one is freed', () => {
    expect(Array.from({ length: 6 }, () => take(20))).toEqual([true, true, true, true, true, false]);
    freeEventSlot();
    taken.pop();
    expect(take(20)).toBe(true);
    expect(take(20)).toBe(false);
  });

  it('gives none below a concurrency of four (one slot would be the whole event queue)', () => {
    expect([take(3), take(1)]).toEqual([false, false]);
    expect([take(4), take(4)]).toEqual([true, false]);
  });

  it('gives none once the worker is stopping', () => {
    drainSteps();
    expect(take(20)).toBe(false);
  });
});
