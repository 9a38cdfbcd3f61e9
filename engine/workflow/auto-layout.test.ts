import { describe, expect, it } from 'vitest';
import { autoLayout, positionsFor, STEP_SIZE } from './auto-layout';
import { graphEdges, parseEdgeId, TRIGGER_ID } from './graph-model';
import { workflowSchema } from './schema';

const wf = workflowSchema.parse({
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name: 'w',
  trigger: { source: 'github', type: 'push' },
  steps: [
    { id: 'a', action: 'log' },
    { id: 'b', action: 'log', needs: ['a'] },
    { id: 'c', action: 'log', needs: [{ step: 'a', on: 'failure' }] },
    { id: 'd', action: 'log', needs: ['b', 'c'] },
  ],
});

describe('graphEdges', () => {
  it('draws needs with their conditions, and the trigger into every root', () => {
    expect(graphEdges(wf)).toEqual([
      { id: `${TRIGGER_ID}->a`, source: TRIGGER_ID, target: 'a', on: 'success' },
      { id: 'a->b', source: 'a', target: 'b', on: 'success' },
      { id: 'a->c', source: 'a', target: 'c', on: 'failure' },
      { id: 'b->d', source: 'b', target: 'd', on: 'success' },
      { id: 'c->d', source: 'c', target: 'd', on: 'success' },
    ]);
    expect(parseEdgeId('deploy-prod->notify_2')).toEqual({ source: 'deploy-prod', target: 'notify_2' });
  });
});

describe('autoLayout', () => {
  it('places every node left to right after what it needs, without overlaps', () => {
    const l = autoLayout(wf);
    expect(l[TRIGGER_ID].x).toBeLessThan(l.a.x);
    expect(l.a.x).toBeLessThan(l.b.x);
    expect(l.b.x).toBe(l.c.x);
    expect(Math.abs(l.b.y - l.c.y)).toBeGreaterThanOrEqual(STEP_SIZE.height);
    expect(l.d.x).toBeGreaterThan(l.b.x);
  });

  it('lays out 1,000 steps', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, action: 'log', needs: i ? [`s${Math.floor((i - 1) / 2)}`] : [] }));
    const big = workflowSchema.parse({ ...wf, steps });
    const l = autoLayout(big, { compact: true });
    expect(Object.keys(l)).toHaveLength(1001);
    expect(l.s999.x).toBeGreaterThan(l.s0.x);
  });

  it('keeps stored positions and fills in the missing ones', () => {
    const placed = { ...wf, layout: { a: { x: 500, y: 500 } } };
    const p = positionsFor(placed);
    expect(p.a).toEqual({ x: 500, y: 500 });
    expect(p[TRIGGER_ID].x).toBeLessThan(500);
    expect(p.d).toBeDefined();
  });
});
