import { describe, expect, it } from 'vitest';
import { positionsFor } from '@/engine/workflow/auto-layout';
import { TRIGGER_ID } from '@/engine/workflow/graph-model';
import { workflowSchema } from '@/engine/workflow/schema';
import { toEdges, toNodes } from './to-react-flow';

const def = workflowSchema.parse({
  apiVersion: 'railyard/v1', kind: 'Workflow', name: 'w', trigger: { source: 'github', type: 'push' },
  steps: [
    { id: 'build', action: 'log' },
    { id: 'alert', action: 'log', needs: [{ step: 'build', on: 'failure' }] },
  ],
});

describe('toNodes / toEdges', () => {
  it('maps the trigger and each step to a node with thin data and each need to a labelled edge', () => {
    const nodes = toNodes(def, positionsFor(def), ['alert']);
    expect(nodes.map((n) => [n.id, n.type, n.data, !!n.selected])).toEqual([
      [TRIGGER_ID, 'trigger', { stepId: TRIGGER_ID }, false],
      ['build', 'step', { stepId: 'build' }, false],
      ['alert', 'step', { stepId: 'alert' }, true],
    ]);
    expect(nodes[0].deletable).toBe(false);
    const edges = toEdges(def);
    expect(edges.map((e) => [e.source, e.target, e.data?.on, e.deletable])).toEqual([
      [TRIGGER_ID, 'build', 'success', false],
      ['build', 'alert', 'failure', true],
    ]);
  });

  it('reuses node and edge objects that did not change', () => {
    const pos = positionsFor(def);
    const first = toNodes(def, pos, []);
    const second = toNodes(def, { ...pos, alert: { x: 999, y: 0 } }, [], first);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    const e1 = toEdges(def);
    expect(toEdges(def, [], e1)[1]).toBe(e1[1]);
    expect(toEdges(def, ['build->alert'], e1)[1]).not.toBe(e1[1]);
  });
});
