// The editor's server side: drafts saved as you go (invalid ones too), publish with a message,
// history, structural diff, restore, and the 4xx answers that name what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as draftDelete, GET as draftGet, PUT as draftPut } from '@/app/api/workflows/[name]/draft/route';
import { GET as diffGet } from '@/app/api/workflows/[name]/diff/route';
import { POST as publishPost } from '@/app/api/workflows/[name]/publish/route';
import { POST as restorePost } from '@/app/api/workflows/[name]/restore/route';
import { GET as versionsGet } from '@/app/api/workflows/[name]/versions/route';
import { GET as workflowGet } from '@/app/api/workflows/[name]/route';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { admin, closeAll, resetState } from '../support/harness';

let people: Record<string, Person>;
beforeAll(async () => {
  await resetState();
  people = await createPeople();
});
afterAll(() => closeAll());

const TEXT = (bump: string, extra = '') => `# Release of the shop (delivery team)
apiVersion: railyard/v1
kind: Workflow
name: cut-release
trigger: { source: generic, type: release.started }
steps:
  - id: version
    action: vars.set
    with: { values: { bump: ${bump} } } # how big a release
  - id: announce
    action: log
    needs: [version]
    with: { message: "cutting {{ vars.bump }}" }
${extra}`;
const p = { name: 'cut-release' };
const as = (who: Person | typeof admin) => ('headers' in who ? who.headers : who);

describe('drafts', () => {
  it('saves and reads back any text, even one that does not validate, for editors only', async () => {
    const broken = TEXT('minor').replace('action: log', 'action: no.such-action');
    const saved = await callRoute(draftPut, '/api/workflows/cut-release/draft', p, { method: 'PUT', headers: as(people.editor), body: { yaml: broken } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'cut-release', yaml: broken, updatedBy: people.editor.name });
    const read = await callRoute(draftGet, '/api/workflows/cut-release/draft', p, { headers: as(people.admin) });
    expect(read.body.yaml).toBe(broken);
    const viewer = await callRoute(draftPut, '/api/workflows/cut-release/draft', p, { method: 'PUT', headers: as(people.viewer), body: { yaml: 'x' } });
    expect(viewer.status).toBe(403);
    expect((await callRoute(draftGet, '/api/workflows/cut-release/draft', p, { headers: as(people.viewer) })).status).toBe(403);
  });

  it('refuses a bad name, an unknown key and a NUL with a 400 that names it', async () => {
    const bad = await callRoute(draftPut, '/api/workflows/Bad_Name/draft', { name: 'Bad_Name' }, { method: 'PUT', headers: admin, body: { yaml: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/not a workflow name/);
    const extra = await callRoute(draftPut, '/api/workflows/cut-release/draft', p, { method: 'PUT', headers: admin, body: { yaml: 'x', colour: 1 } });
    expect(extra.status).toBe(400);
    expect(extra.body.error).toMatch(/colour/);
    const nul = await callRoute(draftPut, '/api/workflows/cut-release/draft', p, { method: 'PUT', headers: admin, body: { yaml: 'a\u0000b' } });
    expect(nul.status).toBe(400);
  });
});

describe('publish, history, diff, restore', () => {
  it('refuses to publish an invalid draft, naming the step and field', async () => {
    const res = await callRoute(publishPost, '/api/workflows/cut-release/publish', p, {
      headers: as(people.editor),
      body: { yaml: TEXT('minor').replace('action: log', 'action: no.such-action'), message: 'try' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/step "announce".*unknown action "no.such-action"/);
  });

  it('publishes with a message, keeps the comments, drops the draft, and lists the history', async () => {
    const res = await callRoute(publishPost, '/api/workflows/cut-release/publish', p, { headers: as(people.editor), body: { yaml: TEXT('minor'), message: 'First cut' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, created: true });
    const exported = await callRoute(workflowGet, '/api/workflows/cut-release?format=yaml', p, { headers: admin });
    expect(exported.body).toContain('# how big a release');
    expect((await callRoute(draftGet, '/api/workflows/cut-release/draft', p, { headers: admin })).status).toBe(404);

    const same = await callRoute(publishPost, '/api/workflows/cut-release/publish', p, { headers: admin, body: { yaml: TEXT('minor'), message: 'again' } });
    expect(same.status).toBe(200);
    expect(same.body.created).toBe(false);

    const extra = '  - id: notify\n    action: log\n    needs: [{ step: announce, on: failure }]\n    with: { message: "failed" }\n';
    expect((await callRoute(publishPost, '/api/workflows/cut-release/publish', p, { headers: admin, body: { yaml: TEXT('major', extra), message: 'Major, and tell us when it fails' } })).status).toBe(201);
    const history = await callRoute(versionsGet, '/api/workflows/cut-release/versions', p, { headers: as(people.viewer) });
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      expect.objectContaining({ version: 2, author: expect.stringMatching(/^token:/), message: 'Major, and tell us when it fails' }),
      expect.objectContaining({ version: 1, author: people.editor.name, message: 'First cut' }),
    ]);
  });

  it('diffs two versions in plain words with a text diff', async () => {
    const res = await callRoute(diffGet, '/api/workflows/cut-release/diff?from=1&to=2', p, { headers: as(people.viewer) });
    expect(res.status).toBe(200);
    expect(res.body.changes.map((c: { text: string }) => c.text)).toEqual([
      'step "notify" (log) added after "announce"',
      'param "values" of step "version" changed from {"bump":"minor"} to {"bump":"major"}',
      'edge announce → notify added (on failure)',
    ]);
    expect(res.body.layoutOnly).toBe(false);
    expect(res.body.text).toContain('+  - id: notify');
  });

  it('answers 4xx naming the problem for bad diff and restore requests', async () => {
    const same = await callRoute(diffGet, '/api/workflows/cut-release/diff?from=2&to=2', p, { headers: admin });
    expect(same.status).toBe(400);
    expect(same.body.error).toMatch(/both version 2/);
    const missing = await callRoute(diffGet, '/api/workflows/cut-release/diff?from=1&to=9', p, { headers: admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/version 9/);
    expect((await callRoute(diffGet, '/api/workflows/cut-release/diff?from=abc&to=1', p, { headers: admin })).status).toBe(400);
    expect((await callRoute(versionsGet, '/api/workflows/nope/versions', { name: 'nope' }, { headers: admin })).status).toBe(404);
    const restoreMissing = await callRoute(restorePost, '/api/workflows/cut-release/restore', p, { headers: admin, body: { version: 42 } });
    expect(restoreMissing.status).toBe(404);
    expect(restoreMissing.body.error).toMatch(/version 42/);
    expect((await callRoute(restorePost, '/api/workflows/cut-release/restore', p, { headers: as(people.viewer), body: { version: 1 } })).status).toBe(403);
  });

  it('restores an old version as a new one', async () => {
    const res = await callRoute(restorePost, '/api/workflows/cut-release/restore', p, { headers: as(people.editor), body: { version: 1 } });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(3);
    const diff = await callRoute(diffGet, '/api/workflows/cut-release/diff?from=1&to=3', p, { headers: admin });
    expect(diff.body.changes).toEqual([]);
    const history = await callRoute(versionsGet, '/api/workflows/cut-release/versions', p, { headers: admin });
    expect(history.body[0]).toMatchObject({ version: 3, message: 'Restore version 1' });
    // Restoring what is already live changes nothing.
    expect((await callRoute(restorePost, '/api/workflows/cut-release/restore', p, { headers: admin, body: { version: 3 } })).status).toBe(200);
  });

  it('discards a draft', async () => {
    await callRoute(draftPut, '/api/workflows/cut-release/draft', p, { method: 'PUT', headers: admin, body: { yaml: TEXT('patch') } });
    expect((await callRoute(draftDelete, '/api/workflows/cut-release/draft', p, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await callRoute(draftGet, '/api/workflows/cut-release/draft', p, { headers: admin })).status).toBe(404);
  });
});
