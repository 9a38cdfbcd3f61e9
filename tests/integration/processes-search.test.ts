// The living documentation's API: what happens when each event type arrives (listeners with their
// steps in words, who emits and waits for it), and full-text search over the registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as processGet } from '@/app/api/processes/[source]/[type]/route';
import { GET as processesGet } from '@/app/api/processes/route';
import { GET as searchGet } from '@/app/api/search/route';
import type { ProcessEntryDto, SearchResultDto } from '@/engine/dto/processes';
import { seedEventType } from '@/prisma/seed/helpers';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { closeAll, publishYaml, resetState } from '../support/harness';

const RELEASE = `apiVersion: railyard/v1
kind: Workflow
name: start-release
description: Cuts a release branch and asks CI for a preproduction build.
owner: delivery team
trigger: { source: railyard, type: release.started }
steps:
  - id: version
    action: vars.set
    description: Pick the version number for this release.
    with: { values: { version: "{{ event.payload.version }}" } }
  - id: announce
    action: log
    needs: [version]
    description: Tell the log which quokka release starts.
    with: { message: "Release {{ vars.version }}" }
  - id: built
    action: event.wait
    needs: [announce]
    description: Wait for the CI callback of the preproduction build.
    with: { source: jenkins, type: build-finished, timeoutMs: 600000 }
  - id: ready
    action: event.emit
    needs: [built]
    with: { type: release.ready, payload: { version: "{{ vars.version }}" } }
`;
const DEPLOY = `apiVersion: railyard/v1
kind: Workflow
name: deploy-preprod
description: Deploys a successful build to preproduction.
trigger: { source: jenkins, type: build-finished, filter: 'event.payload.build.status = "SUCCESS"' }
steps:
  - id: say
    action: log
    description: Record the deployment.
    with: { message: "deploying {{ event.payload.build.number }}" }
`;
const TAGGER = `apiVersion: railyard/v1
kind: Workflow
name: tagger
trigger: { source: github, type: push }
steps:
  - { id: note, action: log, description: Mentions git.tag in passing, with: { message: "see git.tag" } }
`;

let people: Record<string, Person>;
beforeAll(async () => {
  await resetState();
  people = await createPeople();
  await seedEventType({ sourceKey: 'jenkins', type: 'build-finished', description: 'A Jenkins build finished.', samplePayload: { build: { status: 'SUCCESS' } } });
  await seedEventType({ sourceKey: 'gitlab', type: 'tag-push', description: 'A tag was pushed.' });
  for (const text of [RELEASE, DEPLOY, TAGGER]) expect((await publishYaml(text)).status).toBeLessThan(300);
});
afterAll(() => closeAll());

const viewer = () => ({ headers: people.viewer.headers });
const searchFor = (q: string) => callRoute(searchGet, `/api/search?q=${encodeURIComponent(q)}`, {}, viewer());

describe('GET /api/processes', () => {
  it('tells for every event type who listens, who emits it and who waits for it, steps in words', async () => {
    const res = await callRoute(processesGet, '/api/processes', {}, viewer());
    expect(res.status).toBe(200);
    const all = res.body as ProcessEntryDto[];
    const at = (source: string, type: string) => all.find((e) => e.source === source && e.type === type)!;
    expect(at('gitlab', 'tag-push')).toMatchObject({ registered: true, listeners: [], emittedBy: [], awaitedBy: [] });

    const started = at('railyard', 'release.started').listeners[0];
    expect(started).toMatchObject({ name: 'start-release', owner: 'delivery team', filter: null });
    expect(started.steps.map((s) => s.phrase)).toEqual([
      'sets `version` = the event\'s `payload.version`',
      'writes `Release {{ vars.version }}` to the step log',
      'waits for `jenkins / build-finished`, giving up after 10 minutes',
      'emits `railyard / release.ready` with payload `version` = variable `version`',
    ]);
    expect(started.steps[2]).toMatchObject({ description: 'Wait for the CI callback of the preproduction build.', actionTitle: 'Wait for an event' });
    expect(started.steps[2].actionDescription).toMatch(/until a matching event arrives/);
    expect(started.downstream).toEqual([{ workflow: 'deploy-preprod', step: 'built', source: 'jenkins', type: 'build-finished', kind: 'awaits' }]);

    const finished = at('jenkins', 'build-finished');
    expect(finished).toMatchObject({ description: 'A Jenkins build finished.', hasSample: true });
    expect(finished.awaitedBy).toEqual([{ workflow: 'start-release', step: 'built', description: 'Wait for the CI callback of the preproduction build.', match: null }]);
    expect(finished.listeners.map((l) => [l.name, l.filterInWords])).toEqual([['deploy-preprod', 'only when the event\'s `payload.build.status` is `"SUCCESS"`']]);
    expect(finished.listeners[0].upstream.map((u) => u.workflow)).toEqual(['start-release']);
    expect(at('railyard', 'release.ready')).toMatchObject({ registered: false, listeners: [], emittedBy: [{ workflow: 'start-release', step: 'ready' }] });
  });

  it('answers one event type, decoding the type; an unknown one is a 404 naming it', async () => {
    const one = await callRoute(processGet, '/api/processes/jenkins/build-finished', { source: 'jenkins', type: 'build-finished' }, viewer());
    expect(one.status).toBe(200);
    expect(one.body.listeners[0].name).toBe('deploy-preprod');
    const missing = await callRoute(processGet, '/api/processes/jenkins/nope', { source: 'jenkins', type: 'nope' }, viewer());
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/jenkins \/ nope/);
    const bad = await callRoute(processGet, '/api/processes/jenkins/a%20b', { source: 'jenkins', type: 'a%20b' }, viewer());
    expect(bad.status).toBe(400);
  });
});

describe('GET /api/search', () => {
  it('finds a workflow by a word of one step description, that step first', async () => {
    const res = await searchFor('quokka');
    expect(res.status).toBe(200);
    const first = (res.body as SearchResultDto[])[0];
    expect(first).toMatchObject({ kind: 'step', name: 'start-release/announce', title: 'start-release › announce', href: '/workflows/start-release#step-announce' });
    expect(first.snippet).toContain('«quokka»');
  });

  it('ranks the action first for its id, even where steps mention it', async () => {
    const res = await searchFor('git.tag');
    expect(res.body[0]).toMatchObject({ kind: 'action', name: 'git.tag', title: 'Tag a commit', href: '/processes#action-git.tag' });
    expect((res.body as SearchResultDto[]).some((r) => r.name === 'tagger/note')).toBe(true);
  });

  it('finds event types and workflows, and the last word as a prefix while typing', async () => {
    const finished = (await searchFor('build finished')).body as SearchResultDto[];
    expect(finished[0]).toMatchObject({ kind: 'event-type', name: 'jenkins/build-finished', href: '/processes#ev-jenkins/build-finished' });
    const typing = (await searchFor('preproduc')).body as SearchResultDto[];
    expect(typing.map((r) => r.name)).toEqual(expect.arrayContaining(['start-release', 'deploy-preprod']));
    const owner = (await searchFor('delivery team')).body as SearchResultDto[];
    expect(owner[0]).toMatchObject({ kind: 'workflow', name: 'start-release' });
    expect((await searchFor('zzqx')).body).toEqual([]);
  });

  it('refuses an empty or too long q with a 400 naming q', async () => {
    for (const path of ['/api/search', '/api/search?q=', '/api/search?q=%20%20', `/api/search?q=${'a'.repeat(201)}`]) {
      const res = await callRoute(searchGet, path, {}, viewer());
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatch(/^q: /);
    }
    expect((await callRoute(searchGet, '/api/search?q=release', {}, {})).status).toBe(401);
  });
});
