// Export and import of the whole registry through the real routes: the round trip into an empty
// instance gives the same bytes, an import with one bad document changes nothing and lists every
// problem, and a re-import reports what it created, updated and left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportGet } from '@/app/api/export/route';
import { POST as importPost } from '@/app/api/import/route';
import { provisionAdminToken } from '@/server/auth/tokens';
import { db } from '@/server/db/client';
import { resetDatabase, seedEventType } from '@/prisma/seed/helpers';
import { ADMIN_TOKEN, admin, closeAll, publishYaml, resetState } from '../support/harness';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';

let people: Record<string, Person>;

const deploy = `# Deploys the web shop after a green build.
apiVersion: railyard/v1
kind: Workflow
name: deploy-web
description: Deploys after a green build.
trigger: { source: jenkins, type: build-finished, filter: 'event.payload.result = "SUCCESS"' } # only green builds
steps:
  - id: say
    action: log
    with: { message: "build {{ event.payload.number }}" }
layout:
  say: { x: 10, y: 20 }
`;
const hello = `apiVersion: railyard/v1
kind: Workflow
name: hello
trigger: { source: generic, type: hello }
steps:
  - { id: a, action: log, with: { message: hi } }
`;

const exportText = async (who: Record<string, string> = admin) => {
  const r = await callRoute(exportGet, '/api/export', {}, { headers: who });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('application/yaml');
  return r.body as string;
};
const importText = (text: string, who: Record<string, string> = people.editor.headers) =>
  callRoute(importPost, '/api/import', {}, { method: 'POST', headers: { 'content-type': 'application/yaml', ...who }, body: text });
const snapshot = async () => ({
  sources: await db().source.findMany({ orderBy: { key: 'asc' } }),
  eventTypes: await db().eventType.findMany({ orderBy: [{ sourceKey: 'asc' }, { type: 'asc' }] }),
  versions: await db().workflowVersion.findMany({ orderBy: [{ workflowId: 'asc' }, { version: 'asc' }], select: { workflowId: true, version: true, yaml: true } }),
  audit: await db().auditEntry.count(),
});

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  await seedEventType({ sourceKey: 'jenkins', type: 'build-finished', description: 'A Jenkins build ended.', samplePayload: { number: 7, result: 'SUCCESS', nested: { b: [1, 'two'] } } });
  expect((await publishYaml(deploy)).status).toBe(201);
  expect((await publishYaml(hello)).status).toBe(201);
});
afterAll(() => closeAll());

describe('GET /api/export', () => {
  it('writes sources without secrets, event types with samples and workflows as written, in a fixed order', async () => {
    const text = await exportText(people.viewer.headers);
    expect(text).toBe(await exportText());
    expect(text).toContain('---\napiVersion: railyard/v1\nkind: Source\nkey: bitbucket\n');
    expect(text).toContain('authMode: hmac');
    for (const secret of ['github-hmac-secret-1', 'secretHash', 'secretEnc']) expect(text).not.toContain(secret);
    expect(text).toContain('kind: EventType\nsource: jenkins\ntype: build-finished\ndescription: A Jenkins build ended.\nsamplePayload:\n');
    expect(text).toContain(`---\n${deploy}`); // comments and layout kept
    const kinds = [...text.matchAll(/^kind: (\w+)/gm)].map((m) => m[1]);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['Source', 'EventType', 'Workflow'].indexOf(a) - ['Source', 'EventType', 'Workflow'].indexOf(b)));
  });
});

describe('POST /api/import', () => {
  it('reports everything unchanged when the registry is imported into itself', async () => {
    const r = await importText(await exportText());
    expect(r.status).toBe(200);
    expect(r.body.created).toEqual([]);
    expect(r.body.updated).toEqual([]);
    expect(r.body.unchanged).toContainEqual({ kind: 'Workflow', name: 'deploy-web', version: 1 });
    expect(r.body.unchanged).toContainEqual({ kind: 'EventType', name: 'jenkins/build-finished' });
  });

  it('refuses the whole import when one document is bad, listing every problem, and changes nothing', async () => {
    const before = await snapshot();
    const changed = (await exportText()).replace('name: hello\n', 'name: hello\ndescription: changed\n');
    const bad = `${changed}---
apiVersion: railyard/v1
kind: Workflow
name: broken
trigger: { source: nowhere, type: x }
steps:
  - { id: a, action: no.such-action, with: {} }
---
kind: Gadget
---
apiVersion: railyard/v1
kind: EventType
source: generic
type: "bad type"
`;
    const r = await importText(bad);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^import refused, nothing changed: \d+ problems$/);
    const problems = r.body.problems as { document: { index: number; kind?: string; name?: string }; step?: string; field?: string; message: string }[];
    const broken = problems.filter((p) => p.document.name === 'broken');
    expect(broken).toContainEqual(expect.objectContaining({ step: 'a', message: expect.stringContaining('no.such-action') }));
    expect(broken).toContainEqual(expect.objectContaining({ field: 'trigger.source', message: expect.stringContaining('unknown source "nowhere"') }));
    expect(problems).toContainEqual(expect.objectContaining({ document: { index: expect.any(Number) }, field: 'kind', message: expect.stringContaining('unknown kind "Gadget"') }));
    expect(problems).toContainEqual(expect.objectContaining({ document: expect.objectContaining({ kind: 'EventType', name: 'generic/bad type' }), field: 'type' }));
    expect(await snapshot()).toEqual(before);
  });

  it('creates versions only where a definition changed, and says what it created', async () => {
    const text = (await exportText()).replace('name: hello\n', 'name: hello\ndescription: Says hi.\n') +
      '---\napiVersion: railyard/v1\nkind: Source\nkey: ci-box\nname: CI box\ndescription: ""\npreset: generic\nauthMode: token\n';
    const r = await importText(text);
    expect(r.status).toBe(200);
    expect(r.body.created).toEqual([{ kind: 'Source', name: 'ci-box', note: expect.stringContaining('created without a secret') }]);
    expect(r.body.updated).toEqual([{ kind: 'Workflow', name: 'hello', version: 2 }]);
    expect(r.body.unchanged).toContainEqual({ kind: 'Workflow', name: 'deploy-web', version: 1 });
    const created = await db().source.findUniqueOrThrow({ where: { key: 'ci-box' } });
    expect([created.secretHash, created.secretEnc]).toEqual([null, null]);
  });

  it('needs the editor role', async () => {
    const text = await exportText();
    expect((await importText(text, people.releaser.headers)).status).toBe(403);
    expect((await importText(text, {})).status).toBe(401);
  });

  it("lets an editor re-import an admin's shell.run workflow unchanged, but not change it", async () => {
    const shell = 'apiVersion: railyard/v1\nkind: Workflow\nname: sh\ntrigger: { source: generic, type: sh }\nsteps:\n  - { id: run, action: shell.run, with: { command: "true" } }\n';
    expect((await publishYaml(shell)).status).toBe(201);
    const text = await exportText();
    expect((await importText(text)).status).toBe(200);
    const changed = await importText(text.replace('command: "true"', 'command: "false"'));
    expect(changed.status).toBe(400);
    expect(changed.body.problems).toEqual([expect.objectContaining({ document: expect.objectContaining({ name: 'sh' }), step: 'run', message: expect.stringContaining('only an admin may publish') })]);
  });

  it('export, import into an empty instance, export again: the same bytes', async () => {
    const first = await exportText();
    await resetDatabase();
    await provisionAdminToken(ADMIN_TOKEN);
    expect(await db().source.count()).toBe(0);
    const r = await importText(first, admin);
    expect(r.status).toBe(200);
    expect(r.body.updated).toEqual([]);
    expect(r.body.created).toContainEqual({ kind: 'Workflow', name: 'deploy-web', version: 1 });
    expect(await exportText()).toBe(first);
    // Stored as written: the comments survive in the version's text.
    expect((await db().workflowVersion.findFirstOrThrow({ where: { workflow: { name: 'deploy-web' } } })).yaml).toBe(deploy);
  });
});
