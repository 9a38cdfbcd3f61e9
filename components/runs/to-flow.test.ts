import { describe, expect, it } from 'vitest';
import type { StepRunDto } from '@/engine/dto/runs';
import { autoLayout, depthsOf, toFlow } from './to-flow';

const step = (id: string, needs: string[] = [], status: StepRunDto['status'] = 'pending'): StepRunDto => ({
  id,
  action: 'noop',
  description: '',
  needs,
  status,
  attempts: 0,
  inputs: null,
  outputs: null,
  error: null,
  logs: [],
  queuedAt: null,
  startedAt: null,
  finishedAt: null,
  wakeAt: null,
  wait: null,
});

describe('to-flow', () => {
  it('puts each step one column after its deepest need', () => {
    const d = depthsOf([step('a'), step('b', ['a']), step('c', ['a']), step('d', ['b', 'c']), step('e', ['a', 'd'])]);
    expect(Object.fromEntries(d)).toEqual({ a: 0, b: 1, c: 1, d: 2, e: 3 });
  });

  it('survives cycles and unknown needs', () => {
    const d = depthsOf([step('a', ['b']), step('b', ['a']), step('c', ['zzz'])]);
    expect(d.get('c')).toBe(0);
    expect(d.size).toBe(3);
  });

  it('uses the given layout only when complete', () => {
    const steps = [step('a'), step('b', ['a'])];
    expect(toFlow(steps, { a: { x: 5, y: 6 }, b: { x: 7, y: 8 } }).nodes[1]?.position).toEqual({ x: 7, y: 8 });
    expect(toFlow(steps, { a: { x: 5, y: 6 } }).nodes[1]?.position).toEqual(autoLayout(steps).b);
  });

  it('animates edges into running steps', () => {
    const { edges } = toFlow([step('a', [], 'succeeded'), step('b', ['a'], 'running'), step('c', ['a'])]);
    expect(edges.map((e) => [e.id, e.animated])).toEqual([
      ['a->b', true],
      ['a->c', false],
    ]);
  });
});
