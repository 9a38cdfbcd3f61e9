import { describe, expect, it } from 'vitest';
import { workflowSchema, type WorkflowInput } from '../workflow/schema';
import { simulateEvent } from './simulate-event';
import { simulateWorkflow } from './simulate-workflow';

const event = { source: 'jenkins', type: 'build-finished', payload: { job: 'api', result: 'SUCCESS', repo: 'shop/web' }, headers: { 'x-jenkins': 'yes' } };
const wf = (over: Partial<WorkflowInput>) =>
  workflowSchema.parse({ apiVersion: 'railyard/v1', kind: 'Workflow', name: 'deploy', trigger: { source: 'jenkins', type: 'build-finished' }, steps: [{ id: 'a', action: 'log', with: { message: 'hi' } }], ...over });
const sim = (over: Partial<WorkflowInput>) => simulateWorkflow({ definition: wf(over), version: 3, event });
const step = (r: Awaited<ReturnType<typeof sim>>, id: string) => r.steps.find((s) => s.id === id)!;

describe('simulateWorkflow: the trigger', () => {
  it('shows the filter and its value when it matches, and why not when it does not', async () => {
    const yes = await sim({ trigger: { source: 'jenkins', type: 'build-finished', filter: 'event.payload.result = "SUCCESS"' } });
    expect(yes).toMatchObject({ name: 'deploy', version: 3, matched: true, filter: { expression: 'event.payload.result = "SUCCESS"', result: true, value: true } });
    const no = await sim({ trigger: { source: 'jenkins', type: 'build-finished', filter: 'event.payload.job = "web"' } });
    expect(no).toMatchObject({ matched: false, reason: 'its filter is false', filter: { result: false } });
    expect(no.steps[0]).toMatchObject({ wouldRun: false, reason: 'the workflow would not start: its filter is false' });
  });

  it('reports a failing filter as an error, not a match', async () => {
    const r = await sim({ trigger: { source: 'jenkins', type: 'build-finished', filter: 'event.payload.job + 1' } });
    expect(r.matched).toBe(false);
    expect(r.filter.result).toBeNull();
    expect(r.filter.error).toMatch(/event.payload.job \+ 1/);
  });

  it('a workflow without a filter matches, one on another type does not', async () => {
    expect((await sim({})).filter).toEqual({ expression: null, result: true });
    const other = await sim({ trigger: { source: 'jenkins', type: 'build-started' } });
    expect(other).toMatchObject({ matched: false, reason: 'it listens to jenkins / build-started' });
  });

  it('time-caps a runaway filter', async () => {
    const loop = '($f := function($n){ $n < 0 ? 0 : $f($n + 1) }; $f(0))';
    const r = await simulateWorkflow({ definition: wf({ trigger: { source: 'jenkins', type: 'build-finished', filter: loop } }), version: 1, event }, { timeoutMs: 50 });
    expect(r.matched).toBe(false);
    expect(r.filter.error).toMatch(/timed out|maximum depth/);
  });
});

describe('simulateWorkflow: steps', () => {
  it('evaluates an `if` that reads the event, and skips the success dependants of a false one', async () => {
    const r = await sim({
      steps: [
        { id: 'web', action: 'log', if: 'event.payload.job = "web"', with: { message: 'web' } },
        { id: 'api', action: 'log', if: 'event.payload.job = "api"', with: { message: 'api' } },
        { id: 'after', action: 'log', needs: ['web'], with: { message: 'x' } },
        { id: 'always', action: 'log', needs: [{ step: 'web', on: 'always' }], with: { message: 'y' } },
      ],
    });
    expect(step(r, 'web')).toMatchObject({ wouldRun: false, reason: 'its condition is false', condition: { result: false } });
    expect(step(r, 'api')).toMatchObject({ wouldRun: true, condition: { result: true } });
    expect(step(r, 'after')).toMatchObject({ wouldRun: false, reason: 'needs step "web" to succeed, and "web" would not run' });
    expect(step(r, 'always').wouldRun).toBe(true);
  });

  it('marks steps reachable only through failure edges as not running, with the reason', async () => {
    const r = await sim({
      steps: [
        { id: 'build', action: 'log', with: { message: 'b' } },
        { id: 'alert', action: 'log', needs: [{ step: 'build', on: 'failure' }], with: { message: 'failed' } },
        { id: 'followup', action: 'log', needs: ['alert'], with: { message: 'f' } },
      ],
    });
    expect(step(r, 'build').wouldRun).toBe(true);
    expect(step(r, 'alert')).toMatchObject({ wouldRun: false, reason: expect.stringContaining('runs only if step "build" fails') });
    expect(step(r, 'followup')).toMatchObject({ wouldRun: false, reason: 'needs step "alert" to succeed, and "alert" would not run' });
  });

  it('leaves an `if` on a step output to run time, naming what it reads', async () => {
    const r = await sim({
      steps: [
        { id: 'version', action: 'version.next', with: { repo: '{{ event.payload.repo }}' } },
        { id: 'tag', action: 'log', needs: ['version'], if: 'steps.version.outputs.version != "0.0.0"', with: { message: 'v' } },
        { id: 'ok', action: 'log', needs: ['version'], if: 'steps.version.status = "succeeded"', with: { message: 'ok' } },
      ],
    });
    expect(step(r, 'tag')).toMatchObject({ wouldRun: true, condition: { result: null, decidedAtRunTime: ['steps.version.outputs'] } });
    expect(step(r, 'tag').reason).toMatch(/known only at run time/);
    expect(step(r, 'ok').condition).toMatchObject({ result: true });
  });

  it('resolves params: event values, secrets and later outputs as stand-ins, run fields', async () => {
    const r = await sim({
      steps: [
        { id: 'version', action: 'version.next', with: { repo: '{{ event.payload.repo }}', bump: 'minor' } },
        {
          id: 'notify',
          action: 'http.request',
          needs: ['version'],
          with: { url: 'https://x.test/{{ event.payload.job }}', token: '{{ secrets.DEPLOY_TOKEN }}', body: { v: '{{ steps.version.outputs.version }}', wf: '{{ run.workflow }}@{{ run.version }}', id: '{{ run.id }}' } },
        },
      ],
    });
    expect(step(r, 'version').params).toEqual({ repo: 'shop/web', bump: 'minor' });
    expect(step(r, 'notify').params).toEqual({
      url: 'https://x.test/api',
      token: '«secret DEPLOY_TOKEN»',
      body: { v: '«steps.version.outputs.version»', wf: 'deploy@3', id: '«run.id»' },
    });
  });

  it('resolves vars from vars.set steps that depend on the event only', async () => {
    const r = await sim({
      steps: [
        { id: 'v', action: 'vars.set', with: { values: { service: '{{ event.payload.job }}-svc', later: '{{ steps.v0.outputs.x }}' } } },
        { id: 'v0', action: 'log', with: { message: 'x' } },
        { id: 'use', action: 'log', needs: ['v'], if: 'vars.service = "api-svc"', with: { message: '{{ vars.service }} / {{ vars.later }} / {{ vars.nobody }}' } },
        { id: 'parallel', action: 'log', with: { message: '{{ vars.service }}' } },
      ],
    });
    expect(step(r, 'use')).toMatchObject({ wouldRun: true, condition: { result: true }, params: { message: 'api-svc / «vars.later» / ' } });
    // Not a dependant of `v`: at run time it may start before the variable is set.
    expect(step(r, 'parallel').params).toEqual({ message: '«vars.service»' });
  });

  it('names the field of a param whose expression fails, and still resolves the others', async () => {
    const r = await sim({ steps: [{ id: 'a', action: 'log', with: { message: '{{ event.payload.job + 1 }}', level: 'info' } }] });
    expect(r.steps[0].params).toEqual({ message: null, level: 'info' });
    expect(r.steps[0].problems).toEqual([{ field: 'message', message: expect.stringContaining('event.payload.job + 1') }]);
  });
});

describe('simulateEvent', () => {
  it('puts the sent definition in place of the live version of the same name, sorted by name', async () => {
    const live = [
      { definition: wf({ name: 'zeta' }), version: 1 },
      { definition: wf({ name: 'deploy', trigger: { source: 'jenkins', type: 'build-finished', filter: 'false' } }), version: 4 },
    ];
    const r = await simulateEvent({ event, live, draft: wf({ name: 'deploy' }) });
    expect(r.workflows.map((w) => [w.name, w.version, w.draft ?? false, w.matched])).toEqual([
      ['deploy', null, true, true],
      ['zeta', 1, false, true],
    ]);
  });
});
