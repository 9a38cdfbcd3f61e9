import { describe, expect, it } from 'vitest';
import { actionCatalog } from '../actions/catalog';
import { validateWorkflow } from './validate';
import { issuesOf, log, only, wf } from './validate-test-util';

describe('validateWorkflow: accepted input', () => {
  it('applies defaults and accepts templated params of any type', () => {
    const result = validateWorkflow(wf([log('a'), { id: 'b', action: 'delay', needs: ['a'], with: { ms: '{{ vars.wait }}' } }]), actionCatalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workflow.enabled).toBe(true);
    expect(result.workflow.description).toBe('');
    expect(result.workflow.steps[0]).toMatchObject({ description: '', needs: [] });
  });

  it('uses the built-in catalog when none is given', () => {
    expect(validateWorkflow(wf([log('a')])).ok).toBe(true);
  });
});

describe('validateWorkflow: shape errors name the step and field', () => {
  it('maps zod paths to the step id', () => {
    const issue = only(wf([log('a'), log('b', { action: 42 })]));
    expect(issue).toMatchObject({ path: 'steps.1.action', step: 'b', field: 'action' });
    expect(issue.message).toMatch(/^step "b": action: /);
  });

  it('reports unknown step fields, e.g. a misspelt needs', () => {
    const issue = only(wf([log('a'), log('b', { depends_on: ['a'] })]));
    expect(issue).toMatchObject({ path: 'steps.1.depends_on', step: 'b', field: 'depends_on' });
    expect(issue.message).toBe('step "b": depends_on: unknown field');
  });

  it('labels a step without a usable id by its position', () => {
    const issue = only(wf([log('a'), { action: 'log', with: { message: 'x' } }]));
    expect(issue.message).toBe('step #2: id: is required');
  });

  it('rejects bad ids, names and versions at the top level', () => {
    const issues = issuesOf({ ...wf([log('1st')]), name: 'Deploy API', apiVersion: 'v2' });
    const paths = issues.map((i) => i.path).sort();
    expect(paths).toEqual(['apiVersion', 'name', 'steps.0.id']);
    expect(issues.find((i) => i.path === 'steps.0.id')?.message).toMatch(/^step "1st": id: must start with a letter/);
  });

  it('requires at least one step and a trigger', () => {
    const issues = issuesOf({ apiVersion: 'railyard/v1', kind: 'Workflow', name: 'x', steps: [] });
    expect(issues.map((i) => i.message)).toEqual(expect.arrayContaining(['trigger: is required', 'steps: a workflow needs at least one step']));
  });

  it('still runs semantic checks on the well-formed steps', () => {
    const issues = issuesOf(wf([log('a', { retry: { attempts: 0 } }), { id: 'b', action: 'foo.bar' }]));
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^step "a": retry\.attempts: /),
      'step "b": unknown action "foo.bar"',
    ]);
  });
});
