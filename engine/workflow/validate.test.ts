import { describe, expect, it } from 'vitest';
import { testCatalog } from './test-catalog';
import { formatIssues, validateWorkflow } from './validate';
import { issuesOf, log, only, wf } from './validate-test-util';

describe('validateWorkflow: steps and params', () => {
  it('reports duplicate step ids', () => {
    const issue = only(wf([log('a'), log('a')]));
    expect(issue).toMatchObject({ path: 'steps.1.id', step: 'a', field: 'id' });
    expect(issue.message).toBe('step "a": id: duplicate step id (step #1 has it too)');
  });

  it('reports an unknown action', () => {
    const issue = only(wf([{ id: 'deploy', action: 'foo.bar' }]));
    expect(issue).toMatchObject({ step: 'deploy', field: 'action', path: 'steps.0.action' });
    expect(issue.message).toBe('step "deploy": unknown action "foo.bar"');
  });

  it('reports an unknown param', () => {
    const issue = only(wf([log('say', { with: { message: 'hi', colour: 'red' } })]));
    expect(issue).toMatchObject({ step: 'say', field: 'with.colour', path: 'steps.0.with.colour' });
    expect(issue.message).toMatch(/^step "say": with\.colour: unknown param "colour" for action "log" \(accepted: message, level\)$/);
  });

  it('reports a missing required param, but not one with a default', () => {
    const issue = only(wf([{ id: 'call', action: 'http.request', with: { method: 'POST' } }]));
    expect(issue).toMatchObject({ step: 'call', field: 'with.url' });
    expect(issue.message).toBe('step "call": with.url: missing required param "url" for action "http.request"');
  });

  it('reports a literal param of the wrong type, down to nested fields', () => {
    const issues = issuesOf(wf([
      log('say', { with: { message: 'hi', level: 'loud' } }),
      { id: 'call', action: 'http.request', with: { url: 'not a url', headers: { 'X-Count': 3 }, timeoutMs: 'soon' } },
    ]));
    expect(issues.map((i) => `${i.step} ${i.field}`)).toEqual(['say with.level', 'call with.url', 'call with.headers.X-Count', 'call with.timeoutMs']);
    expect(issues[0].message).toMatch(/^step "say": with\.level: .*"info"/);
    expect(issues[3].message).toMatch(/^step "call": with\.timeoutMs: .*number/);
  });

  it('skips type checks for templated values, whatever the field type', () => {
    const ok = validateWorkflow(wf([{ id: 'call', action: 'http.request', with: { url: 'https://{{ vars.host }}/x', timeoutMs: '{{ vars.t }}', headers: { A: '{{ secrets.TOKEN }}' } } }]), testCatalog);
    expect(ok.ok).toBe(true);
  });

  it('reports an expression that does not parse in with, with its JSONata error', () => {
    const issue = only(wf([log('say', { with: { message: 'v{{ steps.version.( }}' } })]));
    expect(issue).toMatchObject({ step: 'say', field: 'with.message' });
    expect(issue.message).toMatch(/^step "say": with\.message: invalid expression "\{\{ steps\.version\.\( \}\}": .*position/);
  });

  it('reports an unclosed {{ in with', () => {
    const issue = only(wf([log('say', { with: { message: 'v{{ run.number' } })]));
    expect(issue.message).toMatch(/^step "say": with\.message: .*without a closing/);
  });

  it('reports a bad if expression', () => {
    const issue = only(wf([log('say', { if: 'event.payload.(' })]));
    expect(issue).toMatchObject({ step: 'say', field: 'if', path: 'steps.0.if' });
    expect(issue.message).toMatch(/^step "say": if: invalid expression "event\.payload\.\(": /);
  });
});

describe('validateWorkflow: graph', () => {
  it('reports needs naming a missing step', () => {
    const issue = only(wf([log('a'), log('b', { needs: ['a', 'ghost'] })]));
    expect(issue).toMatchObject({ step: 'b', field: 'needs', path: 'steps.1.needs.1' });
    expect(issue.message).toBe('step "b": needs: unknown step "ghost"');
  });

  it('reports a self-need once, not also as a cycle', () => {
    const issue = only(wf([log('a', { needs: ['a'] })]));
    expect(issue.message).toBe('step "a": needs: a step cannot need itself');
  });

  it('reports a cycle listing its ids', () => {
    const issue = only(wf([log('start'), log('a', { needs: ['c'] }), log('b', { needs: ['a'] }), log('c', { needs: ['b', 'start'] })]));
    expect(issue).toMatchObject({ step: 'a', field: 'needs' });
    expect(issue.message).toBe('step "a": needs: steps form a cycle: a -> c -> b -> a (each needs the next)');
  });
});

describe('validateWorkflow: trigger, concurrency, layout', () => {
  it('reports a trigger filter that does not parse', () => {
    const issue = only(wf([log('a')], { trigger: { source: 'github', type: 'push', filter: 'event.payload[' } }));
    expect(issue).toMatchObject({ path: 'trigger.filter', field: 'trigger.filter' });
    expect(issue.message).toMatch(/^trigger\.filter: invalid expression "event\.payload\[": /);
  });

  it('reports a concurrency key that does not parse', () => {
    const issue = only(wf([log('a')], { concurrency: { key: 'deploy-{{ event.payload.( }}', onConflict: 'queue' } }));
    expect(issue.message).toMatch(/^concurrency\.key: invalid expression "\{\{ event\.payload\.\( \}\}": /);
  });

  it('reports a bad onConflict as a shape error', () => {
    const issue = only(wf([log('a')], { concurrency: { key: 'k', onConflict: 'wait' } }));
    expect(issue.path).toBe('concurrency.onConflict');
  });

  it('reports a layout key naming a missing step', () => {
    const issue = only(wf([log('a')], { layout: { a: { x: 0, y: 0 }, gone: { x: 1, y: 1 } } }));
    expect(issue).toMatchObject({ path: 'layout.gone', step: 'gone' });
    expect(issue.message).toBe('layout.gone: unknown step "gone"');
  });
});

describe('formatIssues', () => {
  it('lists one message per line under a count', () => {
    const text = formatIssues(issuesOf(wf([{ id: 'deploy', action: 'foo.bar' }, log('b', { needs: ['x'] })])));
    expect(text).toBe('2 problems in the workflow:\n  - step "deploy": unknown action "foo.bar"\n  - step "b": needs: unknown step "x"');
  });
});
