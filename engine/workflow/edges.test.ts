import { describe, expect, it } from 'vitest';
import { blockedSteps, readySteps } from './dag';
import { stepSchema } from './schema';
import { parseWorkflowText, toWorkflowYaml } from './text';
import { validateWorkflow } from './validate';

const steps = (raw: unknown[]) => raw.map((s) => stepSchema.parse(s));

// build → deploy (success) ; build → alert (failure) ; deploy → report (always)
const def = {
  steps: steps([
    { id: 'build', action: 'log' },
    { id: 'deploy', action: 'log', needs: ['build'] },
    { id: 'alert', action: 'log', needs: [{ step: 'build', on: 'failure' }] },
    { id: 'report', action: 'log', needs: [{ step: 'deploy', on: 'always' }] },
  ]),
};

describe('edge conditions', () => {
  it('normalises needs to ids and keeps only non-default conditions', () => {
    expect(def.steps[2]).toMatchObject({ needs: ['build'], needsOn: { build: 'failure' } });
    expect(def.steps[1].needsOn).toBeUndefined();
  });

  it('on success: deploy runs, alert is skipped, report waits for deploy', () => {
    const statuses = { build: 'succeeded' } as const;
    expect(readySteps(def, statuses)).toEqual(['deploy']);
    expect(blockedSteps(def, statuses)).toEqual(['alert']);
  });

  it('on failure: alert runs; deploy is skipped; report (always) runs after the skip', () => {
    const statuses = { build: 'failed' } as const;
    expect(readySteps(def, statuses)).toEqual(['alert']);
    expect(blockedSteps(def, statuses)).toEqual(['deploy']);
    expect(readySteps(def, { build: 'failed', deploy: 'skipped', alert: 'queued' })).toEqual(['report']);
  });

  it('a skipped step skips success dependants transitively, but not always dependants', () => {
    const chain = {
      steps: steps([
        { id: 'a', action: 'log' },
        { id: 'b', action: 'log', needs: ['a'] },
        { id: 'c', action: 'log', needs: ['b'] },
        { id: 'd', action: 'log', needs: [{ step: 'c', on: 'always' }] },
      ]),
    };
    expect(blockedSteps(chain, { a: 'skipped' })).toEqual(['b', 'c']);
    expect(readySteps(chain, { a: 'skipped', b: 'skipped', c: 'skipped' })).toEqual(['d']);
  });

  it('round-trips through the text form and validates', () => {
    const text = `apiVersion: railyard/v1
kind: Workflow
name: edges
trigger: { source: jenkins, type: build-completed }
steps:
  - id: build
    action: log
    with: { message: hi }
  - id: alert
    action: log
    needs: [ { step: build, on: failure } ]
    with: { message: failed }
`;
    const first = validateWorkflow(parseWorkflowText(text));
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const yaml = toWorkflowYaml(first.workflow);
    expect(yaml).toContain('on: failure');
    const second = validateWorkflow(parseWorkflowText(yaml));
    expect(second.ok && second.workflow).toEqual(first.workflow);
  });

  it('rejects an unknown edge condition naming the step', () => {
    const result = validateWorkflow({
      apiVersion: 'railyard/v1', kind: 'Workflow', name: 'x', trigger: { source: 's', type: 't' },
      steps: [{ id: 'a', action: 'log', with: { message: 'm' } }, { id: 'b', action: 'log', with: { message: 'm' }, needs: [{ step: 'a', on: 'sometimes' }] }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => `${i.step} ${i.path}`).join()).toMatch(/b .*needs/);
  });
});
