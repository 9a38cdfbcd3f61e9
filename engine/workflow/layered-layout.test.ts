import { describe, expect, it } from 'vitest';
import { autoLayout, STEP_SIZE } from './auto-layout';
import { TRIGGER_ID } from './graph-model';
import { LARGE_GRAPH, layeredLayout } from './layered-layout';

const OPTS = { ...STEP_SIZE, nodesep: 28, ranksep: 72 };
const overlaps = (at: { x: number; y: number }[]) =>
  at.flatMap((a, i) => at.slice(i + 1).filter((b) => Math.abs(a.x - b.x) < STEP_SIZE.width && Math.abs(a.y - b.y) < STEP_SIZE.height));

/** Stages of 1–4 parallel steps, fanning out and back in, like the editor bench's workflows. */
function staged(n: number) {
  const steps: { id: string; needs: string[] }[] = [];
  let prev: string[] = [];
  for (let stage = 0; steps.length < n; stage++) {
    const ids = Array.from({ length: Math.min(1 + (stage % 4), n - steps.length) }, (_, i) => `s${steps.length + i + 1}`);
    ids.forEach((id, i) => steps.push({ id, needs: prev.length <= 1 || ids.length === 1 ? prev : [prev[i % prev.length]!] }));
    prev = ids;
  }
  return steps;
}

describe('layered layout', () => {
  it('puts every node one column past its deepest predecessor, without overlaps', () => {
    const edges = [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd'], ['a', 'e'], ['d', 'e']].map(([source, target]) => ({ source: source!, target: target! }));
    const at = layeredLayout({ nodes: ['a', 'b', 'c', 'd', 'e'], edges }, OPTS);
    const col = (id: string) => at[id]!.x / (OPTS.width + OPTS.ranksep);
    expect(['a', 'b', 'c', 'd', 'e'].map(col)).toEqual([0, 1, 1, 2, 3]);
    expect(overlaps(Object.values(at))).toEqual([]);
  });

  it('centres a fan-out on its parent', () => {
    const at = layeredLayout({ nodes: ['p', 'a', 'b', 'c'], edges: ['a', 'b', 'c'].map((t) => ({ source: 'p', target: t })) }, OPTS);
    expect(at.b!.y).toBe(at.p!.y);
    expect(at.a!.y + at.c!.y).toBe(2 * at.p!.y);
  });

  it('survives cycles, self-loops and unknown ends', () => {
    const edges = [['a', 'b'], ['b', 'a'], ['c', 'c'], ['zzz', 'c']].map(([source, target]) => ({ source: source!, target: target! }));
    const at = layeredLayout({ nodes: ['a', 'b', 'c'], edges }, OPTS);
    expect(Object.keys(at).sort()).toEqual(['a', 'b', 'c']);
    expect(overlaps(Object.values(at))).toEqual([]);
  });

  it('takes over from dagre for big workflows: columns by needs, trigger first, no overlaps', () => {
    const steps = staged(1000);
    expect(steps.length + 1).toBeGreaterThan(LARGE_GRAPH);
    const at = autoLayout({ steps });
    expect(Object.keys(at)).toHaveLength(1001);
    for (const s of steps) for (const n of s.needs) expect(at[s.id]!.x).toBeGreaterThan(at[n]!.x);
    expect(Math.min(...steps.map((s) => at[s.id]!.x))).toBeGreaterThan(at[TRIGGER_ID]!.x);
    expect(overlaps(Object.values(at))).toEqual([]);
  });

  it('returns the same positions for the same shape (cached), as a copy callers may extend', () => {
    const steps = staged(300);
    const a = autoLayout({ steps });
    a.extra = { x: 1, y: 2 };
    const b = autoLayout({ steps: steps.map((s) => ({ ...s })) });
    expect(b.extra).toBeUndefined();
    expect(b.s10).toEqual(a.s10);
  });
});
