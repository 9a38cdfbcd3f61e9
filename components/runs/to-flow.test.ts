import { describe, expect, it } from 'vitest';
import type { StepRunDto } from '@/engine/dto/runs';
import { autoLayout } from '@/engine/workflow/auto-layout';
import { focusStep, NODE_HEIGHT, NODE_WIDTH, runPositions, structureKey, toEdges, toFlow, toNodes } from './to-flow';

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
  it('lays steps out like the editor: each right of everything it needs', () => {
    const steps = [step('a'), step('b', ['a']), step('c', ['a']), step('d', ['b', 'c']), step('e', ['a', 'd'])];
    const p = runPositions(steps);
    expect(p.b.x).toBeGreaterThan(p.a.x);
    expect(p.d.x).toBeGreaterThan(Math.max(p.b.x, p.c.x));
    expect(p.e.x).toBeGreaterThan(p.d.x);
    expect(Object.keys(p)).toEqual(['a', 'b', 'c', 'd', 'e']); // no trigger node in the run view
    const editor = autoLayout({ steps });
    expect(p.b.x - p.a.x).toBe(editor.b.x - editor.a.x);
  });

  it('survives cycles and unknown needs', () => {
    const p = runPositions([step('a', ['b']), step('b', ['a']), step('c', ['zzz'])]);
    expect(Object.keys(p).sort()).toEqual(['a', 'b', 'c']);
    for (const at of Object.values(p)) expect(Number.isFinite(at.x) && Number.isFinite(at.y)).toBe(true);
  });

  it('keeps stored positions and places only the steps the layout block misses', () => {
    const steps = [step('a'), step('b', ['a'])];
    expect(toFlow(steps, { a: { x: 5, y: 6 }, b: { x: 7, y: 8 } }).nodes[1]?.position).toEqual({ x: 7, y: 8 });
    const partial = runPositions(steps, { a: { x: 5, y: 6 } });
    expect(partial.a).toEqual({ x: 5, y: 6 });
    expect(partial.b).toEqual(autoLayout({ steps }).b);
  });

  it('opens on the failed step, else the active one, else the first', () => {
    expect(focusStep([step('a', [], 'succeeded'), step('b', [], 'running'), step('c', [], 'failed')])).toBe('c');
    expect(focusStep([step('a', [], 'succeeded'), step('b', [], 'waiting'), step('c')])).toBe('b');
    expect(focusStep([step('a'), step('b')])).toBe('a');
    expect(focusStep([])).toBeNull();
  });

  it('gives nodes their size up front and marks the selection', () => {
    const { nodes } = toFlow([step('a'), step('b', ['a'])], null, 'b');
    expect(nodes.map((n) => [n.id, n.width, n.height, n.selected])).toEqual([
      ['a', NODE_WIDTH, NODE_HEIGHT, false],
      ['b', NODE_WIDTH, NODE_HEIGHT, true],
    ]);
  });

  it('reuses node and edge objects whose step did not change (one live update, one re-render)', () => {
    const steps = [step('a', [], 'running'), step('b', ['a']), step('c', ['b'])];
    const positions = runPositions(steps);
    const before = toNodes(steps, positions, null);
    const edgesBefore = toEdges(steps);
    const next = [{ ...steps[0]!, status: 'succeeded' as const }, steps[1]!, steps[2]!];
    const after = toNodes(next, positions, null, before);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    const edgesAfter = toEdges(next, edgesBefore);
    expect(edgesAfter[0]).not.toBe(edgesBefore[0]); // a->b: its source just succeeded
    expect(edgesAfter[1]).toBe(edgesBefore[1]);
    expect(structureKey(next)).toBe(structureKey(steps));
  });

  it('animates edges into running steps', () => {
    const { edges } = toFlow([step('a', [], 'succeeded'), step('b', ['a'], 'running'), step('c', ['a'])]);
    expect(edges.map((e) => [e.id, e.animated])).toEqual([
      ['a->b', true],
      ['a->c', false],
    ]);
  });

  it('places 300 steps without overlaps', () => {
    const steps = Array.from({ length: 300 }, (_, i) => step(`s${i}`, i < 5 ? [] : [`s${i - 5 - (i % 5 ? 1 : 0)}`, `s${i - 5}`]));
    const p = Object.values(runPositions(steps));
    const overlaps = p.flatMap((a, i) => p.slice(i + 1).filter((b) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT));
    expect(p).toHaveLength(300);
    expect(overlaps).toEqual([]);
  });
});
