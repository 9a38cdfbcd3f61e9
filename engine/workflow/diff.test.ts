import { describe, expect, it } from 'vitest';
import { diffWorkflows, onlyLayoutChanged } from './diff';
import { workflowSchema, type WorkflowInput } from './schema';

const base: WorkflowInput = {
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name: 'release',
  trigger: { source: 'railyard', type: 'release.started' },
  steps: [
    { id: 'version', action: 'version.next', with: { repo: 'shop/web', bump: 'patch' } },
    { id: 'deploy', action: 'http.request', needs: ['version'], with: { url: 'https://deploy.example.com' } },
  ],
  layout: { version: { x: 0, y: 0 }, deploy: { x: 300, y: 0 } },
};
const wf = (patch: (w: WorkflowInput) => void) => {
  const copy = structuredClone(base);
  patch(copy);
  return workflowSchema.parse(copy);
};
const texts = (a: WorkflowInput, b: WorkflowInput) => diffWorkflows(workflowSchema.parse(a), workflowSchema.parse(b)).changes.map((c) => c.text);

describe('diffWorkflows', () => {
  it('says nothing for identical definitions', () => {
    const d = diffWorkflows(wf(() => {}), wf(() => {}));
    expect(d.changes).toEqual([]);
    expect(d.text).not.toMatch(/^[-+][^-+]/m);
  });

  it('describes added steps with their position, param changes and edge conditions in plain words', () => {
    const b = wf((w) => {
      (w.steps[0].with as Record<string, unknown>).bump = 'minor';
      w.steps.push({ id: 'notify', action: 'notify.chat', needs: [{ step: 'deploy', on: 'failure' }], with: { text: 'failed' } });
    });
    const d = diffWorkflows(wf(() => {}), b);
    expect(d.changes.map((c) => c.text)).toEqual([
      'step "notify" (notify.chat) added after "deploy"',
      'param "bump" of step "version" changed from "patch" to "minor"',
      'edge deploy → notify added (on failure)',
    ]);
    expect(d.text).toContain('-      bump: patch');
    expect(d.text).toContain('+      bump: minor');
  });

  it('reports removed steps and edges, changed conditions and trigger changes', () => {
    const a = structuredClone(base);
    a.steps.push({ id: 'notify', action: 'notify.chat', needs: ['deploy', 'version'] });
    const b = structuredClone(a);
    b.trigger.filter = 'event.payload.ok';
    b.steps[2].needs = [{ step: 'deploy', on: 'always' }];
    b.steps.splice(1, 1, { id: 'deploy', action: 'http.request', needs: ['version'], with: { url: 'https://deploy.example.com' } });
    expect(texts(a, b)).toEqual([
      'trigger filter changed from nothing to "event.payload.ok"',
      'edge deploy → notify now on always',
      'edge version → notify removed',
    ]);
    const c = structuredClone(a);
    c.steps.splice(1, 1);
    c.steps[1].needs = ['version'];
    expect(texts(a, c)).toEqual(['step "deploy" (http.request) removed']);
  });

  it('keeps layout-only changes apart', () => {
    const d = diffWorkflows(wf(() => {}), wf((w) => (w.layout!.deploy = { x: 320, y: 40 })));
    expect(d.changes).toEqual([expect.objectContaining({ kind: 'step-moved', step: 'deploy', layout: true })]);
    expect(onlyLayoutChanged(d)).toBe(true);
    expect(onlyLayoutChanged(diffWorkflows(wf(() => {}), wf((w) => (w.description = 'x'))))).toBe(false);
  });
});
