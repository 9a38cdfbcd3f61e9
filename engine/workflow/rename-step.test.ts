import { describe, expect, it } from 'vitest';
import { renameInExpression, renameInTemplate, renameStep } from './rename-step';
import { workflowSchema, type WorkflowInput } from './schema';

const def = (input: Partial<WorkflowInput>) =>
  workflowSchema.parse({ apiVersion: 'railyard/v1', kind: 'Workflow', name: 'w', trigger: { source: 's', type: 't' }, ...input });

describe('renameInExpression', () => {
  it('rewrites steps.<id> and leaves longer ids, other roots and string literals alone', () => {
    expect(renameInExpression('steps.build.outputs.sha', 'build', 'compile')).toBe('steps.compile.outputs.sha');
    expect(renameInExpression('steps.builder.outputs.sha', 'build', 'compile')).toBe('steps.builder.outputs.sha');
    expect(renameInExpression('steps.build-2.outputs', 'build', 'x')).toBe('steps.build-2.outputs');
    expect(renameInExpression('"steps.build" & steps.build.status', 'build', 'b')).toBe('"steps.build" & steps.b.status');
    expect(renameInExpression('mysteps.build', 'build', 'b')).toBe('mysteps.build');
    expect(renameInExpression('vars.steps.build', 'build', 'b')).toBe('vars.steps.build');
  });
  it('handles back-quoted names both ways', () => {
    expect(renameInExpression('steps.`deploy-prod`.status', 'deploy-prod', 'prod')).toBe('steps.prod.status');
    expect(renameInExpression('steps.prod.status', 'prod', 'deploy-prod')).toBe('steps.`deploy-prod`.status');
  });
});

describe('renameInTemplate', () => {
  it('keeps literal text and untouched strings byte for byte', () => {
    expect(renameInTemplate('v{{steps.version.outputs.version}} of steps.version', 'version', 'ver')).toBe(
      'v{{ steps.ver.outputs.version }} of steps.version',
    );
    const untouched = 'release/{{   vars.version   }}';
    expect(renameInTemplate(untouched, 'version', 'ver')).toBe(untouched);
  });
});

describe('renameStep', () => {
  const wf = def({
    steps: [
      { id: 'version', action: 'version.next', with: { repo: 'r' } },
      { id: 'tag', action: 'git.tag', needs: ['version'], with: { name: 'v{{ steps.version.outputs.version }}', nested: [{ a: '{{ steps.version.outputs.x }}' }] } },
      { id: 'alert', action: 'log', needs: [{ step: 'version', on: 'failure' }], if: 'steps.version.status = "failed"' },
    ],
    layout: { version: { x: 1, y: 2 }, tag: { x: 3, y: 4 } },
  });

  it('rewrites needs, edge conditions, templates, conditions and layout', () => {
    const r = renameStep(wf, 'version', 'ver');
    if (!r.ok) throw new Error(r.error);
    const [a, b, c] = r.definition.steps;
    expect(a.id).toBe('ver');
    expect(b.needs).toEqual(['ver']);
    expect(b.with).toEqual({ name: 'v{{ steps.ver.outputs.version }}', nested: [{ a: '{{ steps.ver.outputs.x }}' }] });
    expect(c.needsOn).toEqual({ ver: 'failure' });
    expect(c.if).toBe('steps.ver.status = "failed"');
    expect(r.definition.layout).toEqual({ ver: { x: 1, y: 2 }, tag: { x: 3, y: 4 } });
  });
  it('refuses a clash, an unknown step and an invalid id', () => {
    expect(renameStep(wf, 'version', 'tag')).toEqual({ ok: false, error: 'a step "tag" already exists' });
    expect(renameStep(wf, 'nope', 'x')).toEqual({ ok: false, error: 'no step "nope"' });
    expect(renameStep(wf, 'tag', '1bad').ok).toBe(false);
  });
});
