// Release trains end to end through the route handlers and a real worker: the one-train guarantee
// under twenty simultaneous starts, boarding and missed trains, station progress from runs and from
// a matching event, arrival, a hotfix beside a running train, derail, 4xx answers naming fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/engine/auth/roles';
import { db } from '@/server/db/client';
import { admin, closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { createPeople, type Person } from '../../support/people';
import * as api from './trains-support';

let workers: Workers;
let people: Record<Role, Person>;

const shopStations = `  - { key: cut, name: Cut branch, reachedBy: { workflow: shop-cut } }
  - key: preprod
    name: Preproduction build
    reachedBy: { event: { source: generic, type: build-finished, match: 'event.payload.train = train.version' } }
    expectedMinutes: 15
  - { key: prod, name: Production, reachedBy: { workflow: shop-deploy }, production: true }
`;

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  const onShop = 'event.payload.pipeline.key = "shop"';
  expect((await publishYaml(api.workflow('shop-cut', 'train.departed', onShop, `  - { id: cut, action: log, with: { message: "cut {{ event.payload.train.version }}" } }
  - { id: tell, action: event.emit, needs: [cut], with: { type: shop.cut, payload: { version: "{{ event.payload.train.version }}" } } }
`))).status).toBe(201);
  expect((await publishYaml(api.workflow('shop-deploy', 'train.station-reached', `${onShop} and event.payload.station.key = "preprod"`, '  - { id: deploy, action: log, with: { message: deploy } }\n'))).status).toBe(201);
  workers = await startTestWorkers();
});
afterAll(() => closeAll(workers));

describe('publishing pipelines', () => {
  it('creates a version, ignores an identical re-publish, and versions a change', async () => {
    const extra = 'features: { jiraProject: SHOP, readyStatus: Ready for release }\n';
    const first = await api.publishPipeline(api.pipelineYaml('shop', shopStations, extra), people.editor.headers);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ key: 'shop', version: 1, created: true, track: null, preflight: { canStart: true, nextVersion: '1.4.0' } });
    expect(first.body.preflight.stations.map((s: { reachedBy: string }) => s.reachedBy)).toEqual(['workflow shop-cut', 'event generic / build-finished', 'workflow shop-deploy']);
    expect((await api.publishPipeline(api.pipelineYaml('shop', shopStations, extra))).body).toMatchObject({ version: 1, created: false });
    const changed = await api.publishPipeline(api.pipelineYaml('shop', shopStations, extra).replace('shop pipeline', 'Shop'));
    expect(changed.body).toMatchObject({ version: 2, created: true, name: 'Shop' });
    expect((await api.publishPipeline(api.pipelineYaml('nope', shopStations), people.releaser.headers)).status).toBe(403);
  });

  it('refuses stations naming a missing workflow or source, and bad fields, naming the field', async () => {
    const missing = await api.publishPipeline(api.pipelineYaml('bad', shopStations.replace('shop-deploy', 'ghost-deploy')));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/stations\.2\.reachedBy\.workflow: no workflow "ghost-deploy"/);
    const source = await api.publishPipeline(api.pipelineYaml('bad', shopStations.replace('source: generic', 'source: nowhere')));
    expect(source.body.error).toMatch(/stations\.1\.reachedBy\.event\.source: unknown source "nowhere"/);
    const shape = await api.publishPipeline(api.pipelineYaml('bad', shopStations).replace('bump: minor', 'bump: sideways'));
    expect(shape.status).toBe(400);
    expect(shape.body.error).toMatch(/version\.bump/);
    expect((await api.getPipeline('bad')).status).toBe(404);
  });
});

describe('features', () => {
  it('creates features for a pipeline and refuses bad input naming the field', async () => {
    for (const [key, status] of [['SHOP-1', 'ready'], ['SHOP-2', 'ready'], ['SHOP-3', 'open'], ['SHOP-4', 'open']]) {
      const res = await api.createFeature({ key, title: `Feature ${key}`, pipeline: 'shop', status, owner: 'dana', link: `https://jira.example/browse/${key}` }, people.releaser.headers);
      expect(res.status).toBe(201);
    }
    expect((await api.createFeature({ key: 'SHOP-9', title: 't', pipeline: 'shop', status: 'shipped' }, people.releaser.headers)).body.error).toMatch(/status: must be one of open, ready, aboard, released/);
    expect((await api.createFeature({ key: 'SHOP-9', title: 't', pipeline: 'ghost', status: 'open' }, people.releaser.headers)).body.error).toMatch(/^pipeline: no pipeline "ghost"/);
    const aboard = await api.createFeature({ key: 'SHOP-9', title: 't', pipeline: 'shop', status: 'aboard' }, people.releaser.headers);
    expect(aboard.status).toBe(409);
    expect(aboard.body.error).toMatch(/status: "aboard" is set by trains/);
    expect((await api.createFeature({ key: 'SHOP-9', title: 't', pipeline: 'shop', status: 'open' }, people.viewer.headers)).status).toBe(403);
    const pre = (await api.getPipeline('shop')).body.preflight;
    expect(pre.boarding.map((f: { key: string }) => f.key)).toEqual(['SHOP-1', 'SHOP-2']);
    expect(pre.notReady).toEqual([expect.objectContaining({ key: 'SHOP-3', why: 'not ready yet: status is open' }), expect.objectContaining({ key: 'SHOP-4' })]);
  });
});

describe('the first train', () => {
  let trainId = '';

  it('twenty simultaneous starts create exactly one train', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.startTrain('shop', people.releaser.headers)));
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 409);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(19);
    expect(created[0].body).toMatchObject({ number: 1, version: '1.4.0', features: ['SHOP-1', 'SHOP-2'] });
    trainId = created[0].body.id;
    expect(refused[0].body.train).toMatchObject({ id: trainId, number: 1 });
    expect(refused[0].body.error).toMatch(/^The track is busy: train 1 \(1\.4\.0\) is at (Cut branch|Preproduction build) since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await db().train.count()).toBe(1);
    expect(await db().event.count({ where: { sourceKey: 'railyard', type: 'train.departed', trainId } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: 'train.start', subjectId: trainId } })).toBe(1);
  });

  it('boards the ready features and tells the others which train they missed', async () => {
    const features = (await api.listFeatures('shop')).body as { key: string; status: string; missedTrain: { number: number } | null; train: { number: number } | null }[];
    const byKey = Object.fromEntries(features.map((f) => [f.key, f]));
    expect(byKey['SHOP-1']).toMatchObject({ status: 'aboard', train: { number: 1 } });
    expect(byKey['SHOP-3']).toMatchObject({ status: 'open', missedTrain: { number: 1 }, train: null });
    const locked = await api.patchFeature('SHOP-1', { status: 'open' }, people.releaser.headers);
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatch(/the feature is aboard/);
  });

  it('reaches the first station from the workflow run; the run carries the train and its starter', async () => {
    const t = await api.waitForStation(trainId, 'preprod', 'active');
    expect(t.stations[0]).toMatchObject({ key: 'cut', status: 'reached', reachedBy: 'workflow shop-cut' });
    expect(t.stations[0].runs).toEqual([expect.objectContaining({ workflow: 'shop-cut', status: 'succeeded' })]);
    const run = await db().run.findUniqueOrThrow({ where: { id: t.stations[0].runs[0].id } });
    expect(run).toMatchObject({ trainId, startedBy: people.releaser.id });
    expect(await db().event.count({ where: { type: 'shop.cut', trainId } })).toBe(1); // event.emit inherits the train
    expect(t.startedBy).toBe(people.releaser.name);
    expect(t.features.map((f: { key: string }) => f.key)).toEqual(['SHOP-1', 'SHOP-2']);
  });

  it('a hotfix needs a release first', async () => {
    const res = await api.startTrain('shop', people.releaser.headers, { kind: 'hotfix' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/Nothing was released yet/);
  });

  it('an event whose match is false changes nothing; a matching one reaches the station, then production and arrival', async () => {
    const { body: other } = await postEvent('generic', 'build-finished', { train: '9.9.9' });
    await waitFor(async () => (await db().event.findUniqueOrThrow({ where: { id: other.id } })).processedAt !== null);
    expect((await api.getTrain(trainId)).body.stations[1]).toMatchObject({ key: 'preprod', status: 'active' });
    const { body: ok } = await postEvent('generic', 'build-finished', { train: '1.4.0' });
    const arrived = await api.waitForTrain(trainId, 'arrived');
    expect(arrived.stations.map((s: { status: string }) => s.status)).toEqual(['reached', 'reached', 'reached']);
    expect(arrived.station).toBeNull();
    // The event station links to the event that reached it (not to the one whose match was false);
    // the stations reached by runs have none.
    expect(arrived.stations.map((s: { reachedByEventId: string | null }) => s.reachedByEventId)).toEqual([null, ok.id, null]);
    const reached = await db().event.findMany({ where: { type: 'train.station-reached', trainId }, orderBy: { receivedAt: 'asc' } });
    expect(reached.map((e) => (e.payload as { station: { key: string } }).station.key)).toEqual(['cut', 'preprod', 'prod']);
    expect(await db().event.count({ where: { type: 'train.arrived', trainId } })).toBe(1);
    expect((await db().train.findUniqueOrThrow({ where: { id: trainId } })).track).toBeNull();
    // Redelivering the matching event later changes nothing (a station is reached once).
    await postEvent('generic', 'build-finished', { train: '1.4.0' }, { 'X-Delivery-Id': 'again' });
    expect(ok.id).toBeTruthy();
    const features = (await api.listFeatures('shop')).body as { key: string; status: string }[];
    expect(features.filter((f) => f.status === 'released').map((f) => f.key)).toEqual(['SHOP-1', 'SHOP-2']);
  });
});

describe('a hotfix beside a running train, and derail', () => {
  let regular = '';
  let hotfix = '';

  it('starts the next regular train with the feature that missed the last one', async () => {
    expect((await api.patchFeature('SHOP-3', { status: 'ready' }, people.releaser.headers)).body).toMatchObject({ status: 'ready', missedTrain: { number: 1 } });
    const res = await api.startTrain('shop', people.releaser.headers);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 2, version: '1.5.0', features: ['SHOP-3'] });
    regular = res.body.id;
  });

  it('runs one hotfix beside it, from the last release tag, and refuses a second', async () => {
    const res = await api.startTrain('shop', people.releaser.headers, { kind: 'hotfix', features: ['SHOP-4'], commits: ['3fa2c1d'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 3, version: '1.4.1', features: ['SHOP-4'] });
    hotfix = res.body.id;
    const t = (await api.getTrain(hotfix)).body;
    expect(t).toMatchObject({ kind: 'hotfix', baseRef: 'v1.4.0', status: 'running' });
    const departed = await db().event.findFirstOrThrow({ where: { type: 'train.departed', trainId: hotfix } });
    expect(departed.payload).toMatchObject({ train: { kind: 'hotfix', version: '1.4.1', baseRef: 'v1.4.0', commits: ['3fa2c1d'], pipeline: 'shop' }, pipeline: { key: 'shop', repository: { url: '/srv/git/shop.git' } } });
    const second = await api.startTrain('shop', people.releaser.headers, { kind: 'hotfix' });
    expect(second.status).toBe(409);
    expect(second.body.train).toMatchObject({ id: hotfix, kind: 'hotfix' });
    expect(second.body.error).toMatch(/^A hotfix is already running: hotfix train 3 \(1\.4\.1\)/);
    const regularAgain = await api.startTrain('shop', people.releaser.headers);
    expect(regularAgain.body.train).toMatchObject({ id: regular, number: 2 });
    const summary = (await api.listPipelines()).body.find((p: { key: string }) => p.key === 'shop');
    expect(summary).toMatchObject({ track: { id: regular }, hotfix: { id: hotfix } });
  });

  it('derails with a reason only; features return to ready', async () => {
    expect((await api.derail(regular, people.viewer.headers, { reason: 'x' })).status).toBe(403);
    const noReason = await api.derail(regular, people.releaser.headers, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatch(/^reason:/);
    const res = await api.derail(regular, people.releaser.headers, { reason: 'payment tests fail on preprod' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'derailed' });
    const again = await api.derail(regular, people.releaser.headers, { reason: 'twice' });
    expect(again.status).toBe(409);
    const feature = ((await api.listFeatures('shop')).body as { key: string; status: string; train: unknown }[]).find((f) => f.key === 'SHOP-3');
    expect(feature).toMatchObject({ status: 'ready', train: null });
    expect(await db().event.count({ where: { type: 'train.derailed', trainId: regular } })).toBe(1);
    expect((await api.getTrain(regular)).body).toMatchObject({ derailReason: 'payment tests fail on preprod', status: 'derailed' });
    expect((await api.listTrains('?pipeline=shop&status=derailed')).body.map((t: { id: string }) => t.id)).toEqual([regular]);
    expect((await api.listTrains('?status=sideways')).status).toBe(400);
    // Boards the next train.
    const next = await api.startTrain('shop', people.releaser.headers);
    expect(next.body).toMatchObject({ number: 4, version: '1.5.0', features: ['SHOP-3'] });
    await api.derail(next.body.id, people.releaser.headers, { reason: 'cleanup' });
    await api.derail(hotfix, people.releaser.headers, { reason: 'cleanup' });
  });

  it('computes metrics over what happened', async () => {
    const m = await api.getMetrics('shop');
    expect(m.status).toBe(200);
    // Train 1 reached production and a hotfix train followed within 72 h: a failed change, not restored yet.
    expect(m.body).toMatchObject({ days: 90, deployments: 1, changeFailureRate: 1, timeToRestoreMs: null });
    expect(m.body.definitions.changeFailureRate).toMatch(/72 h here/);
    expect(m.body.series).toEqual([expect.objectContaining({ train: 1, version: '1.4.0', failed: true })]);
  });
});

describe('a failing station and Jira transitions', () => {
  it('marks a station failed when its run fails; the train keeps running', async () => {
    await publishYaml(api.workflow('fragile-cut', 'train.departed', 'event.payload.pipeline.key = "fragile"',
      '  - { id: fail, action: http.request, with: { url: "http://127.0.0.1:1/", retries: { attempts: 0 } } }\n'));
    expect((await api.publishPipeline(api.pipelineYaml('fragile', '  - { key: cut, name: Cut, reachedBy: { workflow: fragile-cut } }\n'))).status).toBe(201);
    const res = await api.startTrain('fragile', people.admin.headers);
    const t = await api.waitForStation(res.body.id, 'cut', 'failed');
    expect(t).toMatchObject({ status: 'running', station: 'cut' });
    expect(t.stations[0].runs).toEqual([expect.objectContaining({ workflow: 'fragile-cut', status: 'failed' })]);
  });

  it('a transition to the ready status makes a feature ready (created from the issue), away from it open', async () => {
    const { readFileSync } = await import('node:fs');
    const fixture = JSON.parse(readFileSync('tests/fixtures/webhooks/jira/jira_issue_updated.status_todo_to_done.json', 'utf8'));
    const transition = (from: string, to: string) => {
      const p = structuredClone(fixture);
      p.issue.key = 'SHOP-77';
      p.issue.fields.summary = 'One-click checkout';
      p.changelog.items = p.changelog.items.map((i: { field: string }) => (i.field === 'status' ? { ...i, fromString: from, toString: to } : i));
      return p;
    };
    const { postHook } = await import('../../support/harness');
    expect((await postHook('jira', transition('In Progress', 'Ready for release'))).status).toBe(202);
    const ready = await waitFor(async () => ((await api.listFeatures('shop')).body as { key: string }[]).find((f) => f.key === 'SHOP-77'));
    expect(ready).toMatchObject({ status: 'ready', title: 'One-click checkout', link: 'http://localhost:2990/jira/browse/SHOP-77', owner: expect.any(String) });
    await postHook('jira', transition('Ready for release', 'In Progress'));
    await waitFor(async () => ((await api.listFeatures('shop')).body as { key: string; status: string }[]).find((f) => f.key === 'SHOP-77' && f.status === 'open'));
    expect(await db().auditEntry.count({ where: { subjectType: 'feature', subjectId: 'shop/SHOP-77' } })).toBe(2);
  });
});
