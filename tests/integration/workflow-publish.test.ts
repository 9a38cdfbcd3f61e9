// Publishing workflows as text: versions are immutable and created only on change, the export
// round-trips, and every invalid workflow is refused with a message naming the step and field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as workflowGet } from '@/app/api/workflows/[name]/route';
import { GET as workflowsGet, POST as workflowsPost } from '@/app/api/workflows/route';
import { callRoute } from '../support/http';
import { admin, closeAll, publishYaml, resetState } from '../support/harness';

beforeAll(resetState);
afterAll(() => closeAll());

/** A valid workflow with `steps` substituted, so each invalid case changes one thing. */
const workflow = (name: string, steps: string, trigger = '{ source: generic, type: release.started }') => `apiVersion: railyard/v1
kind: Workflow
name: ${name}
description: Announces a release.
trigger: ${trigger}
steps:
${steps}`;

const twoSteps = `  - id: version
    action: vars.set
    description: Pick the version.
    with: { values: { version: "{{ event.payload.version }}" } }
  - id: announce
    action: log
    needs: [version]
    with: { message: "releasing {{ vars.version }}" }
    retry: { attempts: 2, backoff: exponential, delayMs: 10 }
`;

describe('publishing', () => {
  it('creates v1 (201), ignores an identical re-publish (200), and versions a change', async () => {
    const first = await publishYaml(workflow('announce', twoSteps));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'announce', version: 1, created: true, trigger: { source: 'generic', type: 'release.started' } });

    const again = await publishYaml(workflow('announce', twoSteps));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 1, created: false });

    const changed = await publishYaml(workflow('announce', twoSteps.replace('releasing', 'shipping')));
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ version: 2, created: true });
    expect(changed.body.versions.map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);

    const list = await callRoute(workflowsGet, '/api/workflows', {}, { headers: admin });
    expect(list.body).toContainEqual(expect.objectContaining({ name: 'announce', version: 2, steps: 2 }));
    // An older version stays readable as it was.
    const v1 = await callRoute(workflowGet, '/api/workflows/announce?version=1', { name: 'announce' }, { headers: admin });
    expect(v1.body.definition.steps[1].with.message).toBe('releasing {{ vars.version }}');
  });

  it('round-trips: the exported YAML published again changes nothing', async () => {
    const exported = await callRoute(workflowGet, '/api/workflows/announce?format=yaml', { name: 'announce' }, { headers: admin });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/yaml/);
    expect(exported.body).toContain('name: announce');
    const republished = await publishYaml(exported.body);
    expect(republished.status).toBe(200);
    expect(republished.body).toMatchObject({ version: 2, created: false });
    const again = await callRoute(workflowGet, '/api/workflows/announce?format=yaml', { name: 'announce' }, { headers: admin });
    expect(again.body).toBe(exported.body);
  });

  it('accepts the JSON object form too', async () => {
    const body = (await callRoute(workflowGet, '/api/workflows/announce', { name: 'announce' }, { headers: admin })).body.definition;
    const res = await callRoute(workflowsPost, '/api/workflows', {}, { method: 'POST', headers: admin, body });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(false);
  });
});

describe('refusing invalid workflows', () => {
  const cases: [string, string, RegExp[]][] = [
    ['unknown action', `  - id: ship\n    action: git.teleport\n`, [/step "ship"/, /unknown action "git\.teleport"/]],
    ['unknown param', `  - id: say\n    action: log\n    with: { message: hi, colour: red }\n`, [/step "say"/, /with\.colour/, /unknown param/]],
    ['missing required param', `  - id: say\n    action: log\n`, [/step "say"/, /with\.message/, /missing required/]],
    ['cycle', `  - id: a\n    action: log\n    needs: [b]\n    with: { message: a }\n  - id: b\n    action: log\n    needs: [a]\n    with: { message: b }\n`, [/needs/, /cycle/, /a -> b -> a|b -> a -> b/]],
    ['needs a missing step', `  - id: a\n    action: log\n    needs: [ghost]\n    with: { message: a }\n`, [/step "a"/, /needs/, /unknown step "ghost"/]],
    ['bad expression', `  - id: say\n    action: log\n    with: { message: "{{ event.payload.( }}" }\n`, [/step "say"/, /with\.message/, /invalid expression/]],
    ['bad if', `  - id: say\n    action: log\n    if: "event.payload = = 1"\n    with: { message: x }\n`, [/step "say"/, /\bif\b/, /invalid expression/]],
  ];

  it.each(cases)('%s → 400 naming the step and field', async (_name, steps, patterns) => {
    const res = await publishYaml(workflow('broken', steps));
    expect(res.status).toBe(400);
    for (const p of patterns) expect(res.body.error).toMatch(p);
    expect(Array.isArray(res.body.details)).toBe(true);
  });

  it('YAML that does not parse → 400 with its line', async () => {
    const res = await publishYaml('apiVersion: railyard/v1\nsteps: [unclosed\n');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/line \d+/);
  });

  it('unknown trigger source → 400', async () => {
    const res = await publishYaml(workflow('elsewhere', twoSteps, '{ source: gitea, type: push }'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/trigger\.source.*gitea/);
  });

  it('none of the refused workflows was stored', async () => {
    for (const name of ['broken', 'elsewhere']) {
      expect((await callRoute(workflowGet, `/api/workflows/${name}`, { name }, { headers: admin })).status).toBe(404);
    }
  });

  it('requires an admin token: 401 without one or with a bad one', async () => {
    const without = await publishYaml(workflow('anon', twoSteps), {});
    expect(without.status).toBe(401);
    expect(without.body.error).toMatch(/not signed in/);
    const bad = await publishYaml(workflow('anon', twoSteps), { authorization: 'Bearer ry_not_a_real_token_000' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatch(/invalid, expired or revoked API token/);
    expect((await callRoute(workflowGet, '/api/workflows/anon', { name: 'anon' }, { headers: admin })).status).toBe(404);
  });
});
