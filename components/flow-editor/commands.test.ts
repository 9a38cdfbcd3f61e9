import { describe, expect, it } from 'vitest';
import { workflowSchema } from '@/engine/workflow/schema';
import { copySelection, parseClipboard, pasteSteps } from './commands';
import { createEditorStore } from './store';

const make = () =>
  createEditorStore({
    definition: workflowSchema.parse({
      apiVersion: 'railyard/v1', kind: 'Workflow', name: 'w', trigger: { source: 'github', type: 'push' },
      steps: [
        { id: 'version', action: 'version.next', with: { repo: 'r' } },
        { id: 'tag', action: 'git.tag', needs: [{ step: 'version', on: 'always' }], with: { repo: 'r', tag: 'v{{ steps.version.outputs.version }}' } },
        { id: 'say', action: 'log', needs: ['tag'], with: { message: 'done' } },
      ],
      layout: { version: { x: 0, y: 0 }, tag: { x: 300, y: 0 }, say: { x: 600, y: 0 } },
    }),
  });

describe('copy and paste as YAML', () => {
  it('copies the selected steps with their internal edges and positions, and pastes them renamed', () => {
    const store = make();
    store.getState().select(['version', 'tag']);
    const text = copySelection(store)!;
    expect(text).toContain('- id: version');
    expect(text).toContain('on: always');
    expect(text).not.toContain('say');
    expect(pasteSteps(store, text)).toBe(true);
    const s = store.getState();
    expect(s.definition.steps.map((x) => x.id)).toEqual(['version', 'tag', 'say', 'version-2', 'tag-2']);
    expect(s.definition.steps[4]).toMatchObject({ needs: ['version-2'], needsOn: { 'version-2': 'always' } });
    expect(s.definition.steps[4].with.tag).toBe('v{{ steps.version-2.outputs.version }}'.replace('steps.version-2', 'steps.`version-2`'));
    expect(s.selection).toEqual(['version-2', 'tag-2']);
    expect(s.yaml).toContain('id: tag-2');
  });

  it('refuses clipboard text that is not a list of steps, and says so', () => {
    const store = make();
    expect(parseClipboard('hello world')).toBeNull();
    expect(parseClipboard('- id: 1bad\n  action: log')).toBeNull();
    expect(pasteSteps(store, '{not: steps}')).toBe(false);
    expect(store.getState().notice).toMatch(/clipboard/);
    expect(store.getState().definition.steps).toHaveLength(3);
  });
});
