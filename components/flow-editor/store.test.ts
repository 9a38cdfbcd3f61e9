import { describe, expect, it } from 'vitest';
import { workflowSchema } from '@/engine/workflow/schema';
import { createEditorStore } from './store';

const TEXT = `# owned by the delivery team
apiVersion: railyard/v1
kind: Workflow
name: w
trigger: { source: github, type: push }
steps:
  - id: tag
    action: git.tag
    with: { repo: shop/web, tag: v1 } # first tag
`;
const start = () => {
  const definition = workflowSchema.parse({
    apiVersion: 'railyard/v1', kind: 'Workflow', name: 'w', trigger: { source: 'github', type: 'push' },
    steps: [{ id: 'tag', action: 'git.tag', with: { repo: 'shop/web', tag: 'v1' } }],
  });
  return createEditorStore({ definition, yaml: TEXT });
};

describe('editor store', () => {
  it('applies canvas operations to the definition and the YAML, keeping comments', () => {
    const store = start();
    store.getState().dispatch({ op: 'add-step', step: { action: 'log', id: 'say', with: { message: 'hi' } }, after: 'tag' });
    const { definition, yaml, issues } = store.getState();
    expect(definition.steps.map((s) => s.id)).toEqual(['tag', 'say']);
    expect(yaml).toContain('# owned by the delivery team');
    expect(yaml).toContain('# first tag');
    expect(yaml).toContain('- id: say');
    expect(issues).toEqual([]);
  });

  it('refuses a cycle with a notice and changes nothing', () => {
    const store = start();
    store.getState().dispatch({ op: 'add-step', step: { action: 'log', id: 'say', with: { message: 'hi' } }, after: 'tag' });
    const before = store.getState().definition;
    expect(store.getState().dispatch({ op: 'connect', from: 'say', to: 'tag' })).toBe(false);
    expect(store.getState().definition).toBe(before);
    expect(store.getState().notice).toMatch(/cycle/);
  });

  it('has one undo history for canvas and text edits', () => {
    const store = start();
    const s = () => store.getState();
    s().dispatch({ op: 'set-param', id: 'tag', key: 'tag', value: 'v2' });
    s().setYaml(s().yaml.replace('v2', 'v3'));
    expect(s().definition.steps[0].with.tag).toBe('v3');
    s().undo();
    expect(s().definition.steps[0].with.tag).toBe('v2');
    s().undo();
    expect(s().definition.steps[0].with.tag).toBe('v1');
    expect(s().yaml).toBe(TEXT);
    s().redo();
    s().redo();
    expect(s().definition.steps[0].with.tag).toBe('v3');
  });

  it('coalesces keystrokes in one field into one undo step', () => {
    const store = start();
    const s = () => store.getState();
    for (const v of ['v', 'v9', 'v99']) s().dispatch({ op: 'set-param', id: 'tag', key: 'tag', value: v }, { coalesce: 'tag.with.tag' });
    s().undo();
    expect(s().definition.steps[0].with.tag).toBe('v1');
  });

  it('keeps broken text in the text tab without touching the canvas', () => {
    const store = start();
    const before = store.getState().definition;
    store.getState().setYaml('steps: [unclosed');
    expect(store.getState().textError).toMatch(/line 1/);
    expect(store.getState().draftText).toBe('steps: [unclosed');
    expect(store.getState().definition).toBe(before);
    store.getState().setYaml(TEXT.replace('id: tag', 'id: 1tag'));
    expect(store.getState().textError).toMatch(/must start with a letter/);
  });

  it('marks semantic problems on the step', () => {
    const store = start();
    store.getState().dispatch({ op: 'set-param', id: 'tag', key: 'repo', value: undefined });
    expect(store.getState().issuesByStep.get('tag')?.[0].message).toMatch(/missing required param "repo"/);
  });
});
