import { describe, expect, it } from 'vitest';
import { applyOperation, freshId, type WorkflowOperation } from './operations';
import { workflowSchema, type WorkflowDefinition } from './schema';

const wf = workflowSchema.parse({
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name: 'w',
  trigger: { source: 'github', type: 'push' },
  steps: [
    { id: 'version', action: 'version.next' },
    { id: 'tag', action: 'git.tag', needs: ['version'], with: { name: 'v{{ steps.version.outputs.version }}' } },
    { id: 'deploy', action: 'http.request', needs: ['tag'] },
  ],
  layout: { version: { x: 0, y: 0 }, tag: { x: 300, y: 0 }, deploy: { x: 600, y: 0 } },
});

function apply(def: WorkflowDefinition, ...ops: WorkflowOperation[]): WorkflowDefinition {
  return ops.reduce((d, op) => {
    const r = applyOperation(d, op);
    if (!r.ok) throw new Error(r.error);
    return r.definition;
  }, def);
}

describe('applyOperation', () => {
  it('adds a step with a fresh id after another, at a position', () => {
    const d = apply(wf, { op: 'add-step', step: { action: 'git.tag' }, after: 'deploy', position: { x: 900, y: 0 } });
    expect(d.steps[3]).toMatchObject({ id: 'tag-2', action: 'git.tag', needs: ['deploy'], with: {} });
    expect(d.layout!['tag-2']).toEqual({ x: 900, y: 0 });
    expect(workflowSchema.safeParse(d).success).toBe(true);
  });

  it('connects with a condition, and refuses a cycle naming it', () => {
    const d = apply(wf, { op: 'connect', from: 'version', to: 'deploy', on: 'failure' });
    expect(d.steps[2]).toMatchObject({ needs: ['tag', 'version'], needsOn: { version: 'failure' } });
    expect(applyOperation(wf, { op: 'connect', from: 'deploy', to: 'version' })).toEqual({
      ok: false,
      error: 'connecting "deploy" → "version" would make a cycle: version → deploy → tag → version',
    });
    expect(applyOperation(wf, { op: 'connect', from: 'tag', to: 'tag' }).ok).toBe(false);
  });

  it('changes and removes edges, dropping their conditions', () => {
    const d = apply(wf, { op: 'set-condition', from: 'tag', to: 'deploy', on: 'always' });
    expect(d.steps[2].needsOn).toEqual({ tag: 'always' });
    const back = apply(d, { op: 'set-condition', from: 'tag', to: 'deploy', on: 'success' });
    expect(back.steps[2].needsOn).toBeUndefined();
    const cut = apply(d, { op: 'disconnect', from: 'tag', to: 'deploy' });
    expect(cut.steps[2]).toMatchObject({ needs: [] });
    expect(cut.steps[2].needsOn).toBeUndefined();
    expect(applyOperation(wf, { op: 'set-condition', from: 'version', to: 'deploy', on: 'failure' }).ok).toBe(false);
  });

  it('removes steps with the edges and layout that pointed at them', () => {
    const d = apply(wf, { op: 'remove-steps', ids: ['tag'] });
    expect(d.steps.map((s) => s.id)).toEqual(['version', 'deploy']);
    expect(d.steps[1].needs).toEqual([]);
    expect(Object.keys(d.layout!)).toEqual(['version', 'deploy']);
  });

  it('renames through the rename rules and edits params and fields', () => {
    const d = apply(
      wf,
      { op: 'rename-step', from: 'version', to: 'ver' },
      { op: 'set-param', id: 'tag', key: 'message', value: 'Release' },
      { op: 'update-step', id: 'deploy', patch: { description: 'Ships it', timeoutMs: 5000 } },
    );
    expect(d.steps[1].with).toEqual({ name: 'v{{ steps.ver.outputs.version }}', message: 'Release' });
    expect(d.steps[2]).toMatchObject({ description: 'Ships it', timeoutMs: 5000 });
    const cleared = apply(d, { op: 'set-param', id: 'tag', key: 'message', value: undefined }, { op: 'update-step', id: 'deploy', patch: { timeoutMs: undefined } });
    expect(cleared.steps[1].with).toEqual({ name: 'v{{ steps.ver.outputs.version }}' });
    expect('timeoutMs' in cleared.steps[2]).toBe(false);
  });

  it('pastes steps, renaming clashing ids and their internal references, dropping outside edges', () => {
    const copied = wf.steps.slice(1).map((s) => ({ ...s, position: wf.layout![s.id] }));
    const d = apply(wf, { op: 'paste', steps: copied, offset: { x: 0, y: 200 } });
    expect(d.steps.map((s) => s.id)).toEqual(['version', 'tag', 'deploy', 'tag-2', 'deploy-2']);
    expect(d.steps[3].needs).toEqual([]); // "version" was not pasted
    expect(d.steps[4].needs).toEqual(['tag-2']);
    expect(d.layout!['deploy-2']).toEqual({ x: 600, y: 200 });
    expect(workflowSchema.safeParse(d).success).toBe(true);
  });

  it('makes ids from the action name', () => {
    expect(freshId(wf, 'notify.chat')).toBe('chat');
    expect(freshId(wf, 'version.next')).toBe('next');
    expect(freshId({ steps: [...wf.steps, { ...wf.steps[0], id: 'next' }] }, 'version.next')).toBe('next-2');
  });
});
