// The editor page's server prefetch: each cache entry must be exactly what the client query would
// get from its API route (so hydrated data and fetched data never differ), a viewer gets no draft
// entry (the client never asks for it either), and without a session nothing is prefetched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as actionsGet } from '@/app/api/actions/route';
import { GET as meGet } from '@/app/api/me/route';
import { GET as draftGet, PUT as draftPut } from '@/app/api/workflows/[name]/draft/route';
import { GET as workflowGet } from '@/app/api/workflows/[name]/route';
import { prefetchEditor } from '@/app/workflows/[name]/edit/editor-prefetch';
import { callRoute } from '../support/http';
import { createPeople, sessionHeaders, type Person } from '../support/people';
import { closeAll, publishYaml, resetState } from '../support/harness';

const name = 'prefetched-flow';
const YAML = `apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: generic, type: prefetch.tested }
steps:
  - id: hello
    action: log
    with: { message: "hello" }
`;
let people: Record<string, Person>;
beforeAll(async () => {
  await resetState();
  people = await createPeople();
  expect((await publishYaml(YAML)).status).toBeLessThan(300);
});
afterAll(() => closeAll());

/** The dehydrated entries by their query key, as JSON. */
async function entries(person: Person | null): Promise<Map<string, unknown>> {
  const cookie = person ? (await sessionHeaders(person)).cookie : null;
  const state = await prefetchEditor(name, cookie);
  return new Map((state?.queries ?? []).map((q) => [JSON.stringify(q.queryKey), q.state.data]));
}

describe('editor prefetch', () => {
  it('gives an editor the same me, workflow, catalog and draft the API routes send', async () => {
    const headers = await sessionHeaders(people.editor);
    const p = { name };
    expect((await entries(people.editor)).get(JSON.stringify(['workflow-draft', name]))).toBeNull(); // no draft yet: null, as the 404
    const saved = await callRoute(draftPut, `/api/workflows/${name}/draft`, p, { method: 'PUT', headers, body: { yaml: YAML, baseVersion: 1 } });
    expect(saved.status).toBe(200);

    const got = await entries(people.editor);
    expect(got.get(JSON.stringify(['me']))).toEqual((await callRoute(meGet, '/api/me', {}, { headers })).body);
    expect(got.get(JSON.stringify(['workflow', name]))).toEqual((await callRoute(workflowGet, `/api/workflows/${name}`, p, { headers })).body);
    expect(got.get(JSON.stringify(['actions']))).toEqual((await callRoute(actionsGet, '/api/actions', {}, { headers })).body);
    expect(got.get(JSON.stringify(['workflow-draft', name]))).toEqual((await callRoute(draftGet, `/api/workflows/${name}/draft`, p, { headers })).body);
  });

  it('gives a viewer no draft entry, and an anonymous visit nothing', async () => {
    const got = await entries(people.viewer);
    expect([...got.keys()].sort()).toEqual([JSON.stringify(['actions']), JSON.stringify(['me']), JSON.stringify(['workflow', name])].sort());
    expect(await prefetchEditor(name, null)).toBeNull();
  });

  it('leaves out a read that fails, so the client fetches it and shows its error', async () => {
    const state = await prefetchEditor('no-such-flow', (await sessionHeaders(people.editor)).cookie);
    const keys = (state?.queries ?? []).map((q) => JSON.stringify(q.queryKey));
    expect(keys).not.toContain(JSON.stringify(['workflow', 'no-such-flow']));
    expect(keys).toContain(JSON.stringify(['me']));
  });
});
