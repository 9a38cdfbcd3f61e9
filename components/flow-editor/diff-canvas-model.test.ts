import { describe, expect, it } from 'vitest';
import { diffWorkflows } from '@/engine/workflow/diff';
import { workflowSchema } from '@/engine/workflow/schema';
import { diffCanvasModel } from './diff-canvas-model';

const wf = (steps: unknown[], layout?: Record<string, { x: number; y: number }>) =>
  workflowSchema.parse({ apiVersion: 'railyard/v1', kind: 'Workflow', name: 'w', trigger: { source: 's', type: 't' }, steps, layout });

describe('diffCanvasModel', () => {
  it('marks added, changed and removed steps and keeps removed ones on the canvas', () => {
    const a = wf([{ id: 'build', action: 'log' }, { id: 'old', action: 'log', needs: ['build'] }, { id: 'ship', action: 'log', needs: ['build'] }], { ship: { x: 1, y: 1 } });
    const b = wf([{ id: 'build', action: 'log', with: { message: 'x' } }, { id: 'ship', action: 'log', needs: ['build'] }, { id: 'tell', action: 'log', needs: ['ship'] }], { ship: { x: 5, y: 5 } });
    const { definition, marks } = diffCanvasModel(a, b, diffWorkflows(a, b).changes);
    expect(Object.fromEntries(marks)).toEqual({ build: 'changed', tell: 'added', old: 'removed' });
    expect(definition.steps.map((s) => s.id)).toEqual(['build', 'ship', 'tell', 'old']);
    expect(definition.steps[3].needs).toEqual(['build']);
    expect(marks.has('ship')).toBe(false); // only moved
  });
});
