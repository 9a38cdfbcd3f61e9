import { describe, expect, it } from 'vitest';
import type { StepStatus } from '../run/status';
import { blockedSteps, findCycle, isSinglePath, onlyActive, readySteps, soleSuccessor, topoOrder, type DagStep } from './dag';

const s = (id: string, ...needs: string[]): DagStep => ({ id, needs });

// fan-out from `build` to three deploys, fan-in to `announce`
const fan = [s('build'), s('deployA', 'build'), s('deployB', 'build'), s('deployC', 'build'), s('announce', 'deployA', 'deployB', 'deployC')];

describe('topoOrder', () => {
  it('orders fan-out / fan-in', () => {
    expect(topoOrder(fan)).toEqual(['build', 'deployA', 'deployB', 'deployC', 'announce']);
  });

  it('puts every step after its needs even when declared before them', () => {
    const steps = [s('c', 'b'), s('b', 'a'), s('a'), s('d')];
    const order = topoOrder(steps);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('is stable: among ready steps, declaration order wins', () => {
    expect(topoOrder([s('x'), s('y', 'x'), s('z')])).toEqual(['x', 'y', 'z']);
    expect(topoOrder([s('z'), s('x'), s('y', 'x')])).toEqual(['z', 'x', 'y']);
  });

  it('throws on a cycle, naming it', () => {
    expect(() => topoOrder([s('a', 'b'), s('b', 'a')])).toThrow(/cycle: a -> b/);
  });
});

describe('findCycle', () => {
  it('returns null for a DAG', () => {
    expect(findCycle(fan)).toBeNull();
  });

  it('returns the ids on the cycle in needs order, from the earliest declared', () => {
    // a needs c, c needs b, b needs a
    expect(findCycle([s('start'), s('b', 'a'), s('a', 'c', 'start'), s('c', 'b')])).toEqual(['b', 'a', 'c']);
  });

  it('finds a self-loop and ignores unknown needs', () => {
    expect(findCycle([s('a', 'a')])).toEqual(['a']);
    expect(findCycle([s('a', 'ghost')])).toBeNull();
  });
});

describe('readySteps / blockedSteps', () => {
  const def = { steps: fan };
  it('starts with the roots', () => {
    expect(readySteps(def, {})).toEqual(['build']);
  });

  it('fans out once the root succeeded, and fans in only when all needs succeeded', () => {
    expect(readySteps(def, { build: 'succeeded' })).toEqual(['deployA', 'deployB', 'deployC']);
    const partial: Record<string, StepStatus> = { build: 'succeeded', deployA: 'succeeded', deployB: 'succeeded', deployC: 'running', announce: 'pending' };
    expect(readySteps(def, partial)).toEqual([]);
    expect(readySteps(def, { ...partial, deployC: 'succeeded' })).toEqual(['announce']);
  });

  it('never returns a step that is already queued or running', () => {
    expect(readySteps(def, { build: 'succeeded', deployA: 'queued', deployB: 'running' })).toEqual(['deployC']);
  });

  it('blocks dependants of a failed, skipped or cancelled step, transitively', () => {
    for (const dead of ['failed', 'skipped', 'cancelled'] as const) {
      expect(blockedSteps(def, { build: 'succeeded', deployA: dead, deployB: 'running' })).toEqual(['announce']);
    }
    expect(blockedSteps(def, { build: 'failed' })).toEqual(['deployA', 'deployB', 'deployC', 'announce']);
  });

  it('does not block steps that merely wait, or steps already settled', () => {
    expect(blockedSteps(def, { build: 'waiting' })).toEqual([]);
    expect(blockedSteps(def, { build: 'failed', deployA: 'cancelled', deployB: 'skipped', deployC: 'skipped', announce: 'skipped' })).toEqual([]);
  });
});

describe('soleSuccessor', () => {
  const st = (id: string, needs: string[] = [], needsOn?: Record<string, 'success' | 'failure' | 'always'>) => ({ id, needs, ...(needsOn && { needsOn }) });
  it('names the only dependant when it needs nothing else and a success satisfies it', () => {
    expect(soleSuccessor({ steps: [st('a'), st('b', ['a'])] }, 'a')).toBe('b');
    expect(soleSuccessor({ steps: [st('a'), st('b', ['a'], { a: 'always' })] }, 'a')).toBe('b');
  });
  it('is null for a fan-out, a fan-in, a failure edge, and the last step', () => {
    expect(soleSuccessor({ steps: [st('a'), st('b', ['a']), st('c', ['a'])] }, 'a')).toBeNull();
    expect(soleSuccessor({ steps: [st('a'), st('x'), st('b', ['a', 'x'])] }, 'a')).toBeNull();
    expect(soleSuccessor({ steps: [st('a'), st('b', ['a'], { a: 'failure' })] }, 'a')).toBeNull();
    expect(soleSuccessor({ steps: [st('a'), st('b', ['a'])] }, 'b')).toBeNull();
  });
  it('agrees with readySteps and blockedSteps on a chain: the successor is the only change', () => {
    const def = { steps: [st('a'), st('b', ['a']), st('c', ['b'])] };
    const statuses = { a: 'succeeded', b: 'pending', c: 'pending' } as const;
    expect(readySteps(def, statuses)).toEqual([soleSuccessor(def, 'a')]);
    expect(blockedSteps(def, statuses)).toEqual([]);
  });
});

describe('isSinglePath', () => {
  it('is true for one chain, declared in any order, and for one step', () => {
    expect(isSinglePath({ steps: [s('a'), s('b', 'a'), s('c', 'b')] })).toBe(true);
    expect(isSinglePath({ steps: [s('c', 'b'), s('a'), s('b', 'a')] })).toBe(true);
    expect(isSinglePath({ steps: [s('a')] })).toBe(true);
  });
  it('is false when anything could run beside anything else: a fan-out, a fan-in, two roots', () => {
    expect(isSinglePath({ steps: fan })).toBe(false);
    expect(isSinglePath({ steps: [s('a'), s('b', 'a'), s('c', 'a')] })).toBe(false);
    expect(isSinglePath({ steps: [s('a'), s('b'), s('c', 'a', 'b')] })).toBe(false);
    expect(isSinglePath({ steps: [s('a'), s('b', 'a'), s('x')] })).toBe(false);
    expect(isSinglePath({ steps: [] })).toBe(false);
  });
});

describe('onlyActive', () => {
  it('is true when every other step is pending or finished, false when another is queued, running or waiting', () => {
    expect(onlyActive({ a: { status: 'succeeded' }, b: { status: 'running' }, c: { status: 'pending' }, d: { status: 'skipped' } }, 'b')).toBe(true);
    for (const status of ['queued', 'running', 'waiting']) {
      // A resumed run: `b` was carried over finished, so `a` and `c` were both ready.
      expect(onlyActive({ a: { status }, b: { status: 'succeeded' }, c: { status: 'running' } }, 'c'), status).toBe(false);
    }
  });
});
