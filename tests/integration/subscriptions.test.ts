// Subscriptions end to end (issue 12) on a real SMTP server and a local chat-webhook recorder,
// with the real worker in-process: each policy against one known sequence of runs (exact messages
// expected), no duplicate when a job runs twice, the rate cap's "N more", digests, and the API's
// refusals (team subscriptions need editors, bad input names its field, chat URLs stay hidden).
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listGet, POST as createPost } from '@/app/api/subscriptions/route';
import { PATCH as subPatch } from '@/app/api/subscriptions/[id]/route';
import { POST as secretsPost } from '@/app/api/secrets/route';
import { PATCH as workflowPatch } from '@/app/api/workflows/[name]/route';
import { POST as previewPost } from '@/app/api/subscriptions/[id]/preview/route';
import { GET as deliveriesGet } from '@/app/api/subscriptions/[id]/deliveries/route';
import { db } from '@/server/db/client';
import { enqueueSafely } from '@/server/queue/enqueue';
import { createRedis } from '@/server/queue/connection';
import { findListening, insertDeliveries } from '@/server/repositories/subscriptions';
import { sendDelivery } from '@/server/subscriptions/deliver';
import { sendDueDigests } from '@/server/subscriptions/digests';
import { derailTrain } from '@/server/use-cases/derail-train';
import { publishPipeline } from '@/server/use-cases/publish-pipeline';
import { startTrain } from '@/server/use-cases/start-train';
import { decideFor, matchNotifications } from '@/server/subscriptions/match';
import { eventSubject } from '@/server/subscriptions/subjects';
import { startSmtp, type LocalSmtp, type ReceivedMail } from '../support/fakes/smtp';
import { admin, closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../support/harness';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { startRecorder, type Recorder } from '../support/recorder';

const BASE = 'http://localhost:3100';
let smtp: LocalSmtp;
let chat: Recorder;
let workers: Workers;
let people: Record<string, Person>;
let notifyQueue: Queue;

const api = {
  create: (p: Person, body: object) => callRoute(createPost, '/api/subscriptions', {}, { headers: p.headers, body }),
  list: (p: Person) => callRoute(listGet, '/api/subscriptions', {}, { headers: p.headers }),
  patch: (p: Person, id: string, body: object) => callRoute(subPatch, `/api/subscriptions/${id}`, { id }, { method: 'PATCH', headers: p.headers, body }),
  preview: (p: Person, id: string, eventId: string) => callRoute(previewPost, `/api/subscriptions/${id}/preview`, { id }, { headers: p.headers, body: { eventId } }),
  deliveries: (p: Person, id: string) => callRoute(deliveriesGet, `/api/subscriptions/${id}/deliveries`, { id }, { headers: p.headers }),
};
const subjectOf = (mail: ReceivedMail) => smtp.header(mail, 'subject');
const slackText = (path: string) => chat.to(path).map((r) => (r.body as { text: string }).text);

async function jobDone(jobId: string) {
  await waitFor(async () => (await (await notifyQueue.getJob(jobId))?.getState()) === 'completed', 15_000, `job ${jobId}`);
}
async function settledDeliveries(subscriptionId: string) {
  await waitFor(async () => (await db().notificationDelivery.count({ where: { subscriptionId, status: 'pending' } })) === 0, 15_000, 'deliveries sent');
}

beforeAll(async () => {
  smtp = await startSmtp();
  chat = await startRecorder();
  Object.assign(process.env, { SMTP_URL: smtp.url, RAILYARD_PUBLIC_URL: BASE, RAILYARD_NOTIFY_MAX_PER_WINDOW: '5' });
  await resetState();
  people = await createPeople();
  notifyQueue = new Queue('notify', { connection: createRedis('test-notify-queue') });
  workers = await startTestWorkers();
  await publishYaml(
    'apiVersion: railyard/v1\nkind: Workflow\nname: flaky\ntrigger: { source: generic, type: flaky }\nsteps:\n' +
      '  - { id: hello, action: log, with: { message: "on {{ event.payload.branch }}" } }\n' +
      '  - id: boom\n    action: http.request\n    if: "event.payload.ok = false"\n    with: { url: "http://127.0.0.1:1/", retries: { attempts: 0 } }\n',
  );
}, 60_000);
afterAll(async () => {
  const connection = notifyQueue?.opts.connection as { quit?: () => Promise<unknown> } | undefined;
  await notifyQueue?.close();
  await connection?.quit?.();
  await closeAll(workers);
  await smtp?.close();
  await chat?.close();
});

describe('policies against a known sequence of runs', () => {
  const runs: { id: string; number: number; eventId: string }[] = [];
  const subs: Record<string, string> = {};

  beforeAll(async () => {
    const dev = people.viewer;
    const make = async (name: string, body: Record<string, unknown>) => {
      const res = await api.create(dev, { target: { kind: 'workflow', name: 'flaky' }, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      subs[name] = res.body.id;
    };
    await make('changes', { policy: 'changes', channels: [{ kind: 'email' }] });
    await make('grouped', { policy: 'changes', groupBy: 'event.payload.branch', channels: [{ kind: 'chat', url: `${chat.url}/grouped`, format: 'teams' }] });
    await make('failures', { policy: 'failures', channels: [{ kind: 'chat', url: `${chat.url}/failures`, format: 'slack' }] });
    await make('always', { policy: 'always', channels: [{ kind: 'chat', url: `${chat.url}/always`, format: 'mattermost' }] });
    // success main, success dev, failure main, failure dev, success main
    for (const [ok, branch] of [[true, 'main'], [true, 'dev'], [false, 'main'], [false, 'dev'], [true, 'main']] as const) {
      const { body } = await postEvent('generic', 'flaky', { ok, branch });
      const run = await waitFor(async () => (await db().run.findFirst({ where: { eventId: body.id, status: { in: ['succeeded', 'failed'] } } })) ?? undefined);
      expect(run.status).toBe(ok ? 'succeeded' : 'failed');
      await jobDone(`notify-match.run.${run.id}`); // decided in order: the next run starts after
      runs.push({ id: run.id, number: run.number, eventId: body.id });
    }
    for (const id of Object.values(subs)) await settledDeliveries(id);
  }, 90_000);

  it('"changes" sends 2: the failure after successes and the first success after failures', () => {
    const mails = smtp.mails.filter((m) => m.to.includes(people.viewer.email));
    expect(mails.map(subjectOf)).toEqual([`[Railyard] FAILED: flaky #${runs[2].number} failed`, `[Railyard] OK: flaky #${runs[4].number} succeeded`]);
    const text = mails[0].raw;
    expect(text).toContain(`${BASE}/runs/${runs[2].id}`);
    expect(text).toContain('Content-Type: text/html');
    expect(text).toContain('Content-Type: text/plain');
  });

  it('"changes" grouped by branch keys the last outcome per branch', () => {
    // A Teams channel: each message is an Adaptive Card whose first block is the headline.
    const titles = chat.to('/grouped').map((r) => (r.body as { attachments: { content: { body: { text: string }[] } }[] }).attachments[0].content.body[0].text);
    expect(titles).toEqual([`❌ flaky \\#${runs[2].number} failed`, `❌ flaky \\#${runs[3].number} failed`, `✅ flaky \\#${runs[4].number} succeeded`]);
  });

  it('"failures" sends the failures only, in Slack blocks', () => {
    expect(slackText('/failures')).toEqual(runs.slice(2, 4).map((r) => `❌ flaky #${r.number} failed ${BASE}/runs/${r.id}`));
    const blocks = (chat.to('/failures')[0].body as { blocks: { type: string }[] }).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'context']);
  });

  it('"always" sends every run, in Mattermost markdown', () => {
    const texts = chat.to('/always').map((r) => (r.body as { text: string }).text.split('\n')[0]);
    expect(texts).toEqual(runs.map((r, i) => `${i === 2 || i === 3 ? '❌' : '✅'} **flaky \\#${r.number} ${i === 2 || i === 3 ? 'failed' : 'succeeded'}**`));
  });

  it('a job that runs twice sends nothing twice', async () => {
    const before = { mails: smtp.mails.length, posts: chat.received.length };
    for (const r of runs) expect((await matchNotifications({ subject: 'run', id: r.id })).deliveries).toBe(0);
    const sent = await db().notificationDelivery.findFirstOrThrow({ where: { subscriptionId: subs.changes, status: 'sent' } });
    expect(await sendDelivery(sent.id, false)).toBe('skipped');
    // A stalled job and its retry at the same time: one claim wins, one message.
    const [fresh] = await db().$transaction((tx) =>
      insertDeliveries(tx, [{ subscriptionId: subs.changes, subjectKey: 'run:twice', channel: 'email:owner', status: 'pending', title: 'twice', body: { headline: 'twice', outcome: 'neutral', facts: [], link: null, linkLabel: '' } }]),
    );
    const outcomes = await Promise.all([sendDelivery(fresh.id, false), sendDelivery(fresh.id, false)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(await sendDelivery(fresh.id, false)).toBe('skipped');
    expect(smtp.mails.length).toBe(before.mails + 1);
    expect(chat.received.length).toBe(before.posts);
  });

  it('previews a stored event without sending, and lists deliveries', async () => {
    const before = smtp.mails.length;
    const res = await api.preview(people.viewer, subs.changes, runs[2].eventId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.message.headline).toBe(`flaky #${runs[2].number} failed`);
    expect(res.body.rendered[0]).toMatchObject({ kind: 'email', subject: `[Railyard] FAILED: flaky #${runs[2].number} failed` });
    expect(smtp.mails.length).toBe(before);
    const log = await api.deliveries(people.viewer, subs.failures);
    expect(log.body.map((d: { status: string; title: string }) => [d.status, d.title])).toEqual(
      runs.slice(2, 4).reverse().map((r) => ['sent', `flaky #${r.number} failed`]),
    );
    expect((await api.deliveries(people.editor, subs.failures)).status).toBe(404); // someone else's
  });
});

describe('rate cap, digests, failures', () => {
  it('caps a burst at 5 messages per window, then one "N more" summary', async () => {
    const events: string[] = [];
    for (let i = 0; i < 8; i++) events.push((await postEvent('generic', 'burst', { i })).body.id as string);
    // Processed before anyone listens, so only this test decides them.
    await waitFor(async () => (await db().event.count({ where: { id: { in: events }, processedAt: { not: null } } })) === 8);
    const res = await api.create(people.viewer, { target: { kind: 'event-type', source: 'generic', type: 'burst' }, policy: 'always', channels: [{ kind: 'chat', url: `${chat.url}/burst`, format: 'slack' }] });
    expect(res.status).toBe(201);
    const [sub] = await findListening(['event-type:generic/burst']);
    // All eight inside one window (a fixed clock), decided the way the notify.match job decides.
    const at = new Date(Math.floor(Date.now() / 600_000) * 600_000 + 1_000);
    const later: string[] = [];
    for (const id of events) {
      const e = await db().event.findUniqueOrThrow({ where: { id } });
      const d = await decideFor(sub, (await eventSubject(e, { asTrain: true }))!, {}, at);
      await enqueueSafely('notify.send', d.send.map((deliveryId) => ({ deliveryId })));
      later.push(...d.later.map((l) => l.id));
    }
    expect(later).toHaveLength(1); // one summary for the window, however many were capped
    await enqueueSafely('notify.send', later.map((deliveryId) => ({ deliveryId }))); // the window's end, now
    await settledDeliveries(sub.id);
    const texts = slackText('/burst');
    expect(texts).toHaveLength(6);
    expect(texts.filter((t) => t.startsWith('ℹ️ generic / burst received'))).toHaveLength(5);
    expect(texts).toContain(`ℹ️ 3 more notifications for generic / burst ${BASE}/subscriptions`);
    expect(await db().notificationDelivery.count({ where: { subscriptionId: sub.id, status: 'capped' } })).toBe(3);
  });

  it('collects a digest and sends it once its hour is over', async () => {
    const res = await api.create(people.releaser, { target: { kind: 'event-type', source: 'generic', type: 'digested' }, policy: 'digest-hourly', channels: [{ kind: 'email' }] });
    expect(res.status).toBe(201);
    for (let i = 0; i < 3; i++) await postEvent('generic', 'digested', { i });
    await waitFor(async () => (await db().notificationDelivery.count({ where: { subscriptionId: res.body.id, status: 'digest' } })) === 3, 15_000, 'collected');
    const later = new Date(Date.now() + 3_600_000);
    const created = await sendDueDigests(later);
    expect(created).toHaveLength(1);
    expect(await sendDueDigests(later)).toEqual([]); // idempotent
    await settledDeliveries(res.body.id);
    const mails = smtp.mails.filter((m) => m.to.includes(people.releaser.email));
    expect(mails.map(subjectOf)).toEqual(['[Railyard] Hourly digest for generic / digested: 3 notifications']);
    expect(mails[0].raw).toContain('generic / digested received');
  });

  it('records a refused chat post as failed with the reason, and a retried one as retried', async () => {
    chat.answer('/refuses', 404);
    chat.answer('/flaps', 503);
    const mk = async (path: string) =>
      (await api.create(people.viewer, { target: { kind: 'event-type', source: 'generic', type: `notify-${path}` }, policy: 'always', channels: [{ kind: 'chat', url: `${chat.url}/${path}`, format: 'slack' }] })).body.id as string;
    const refused = await mk('refuses');
    const flapping = await mk('flaps');
    await postEvent('generic', 'notify-refuses', {});
    await postEvent('generic', 'notify-flaps', {});
    const failed = await waitFor(async () => (await api.deliveries(people.viewer, refused)).body.find((d: { status: string }) => d.status === 'failed'));
    expect(failed.error).toMatch(/^chat webhook at 127\.0\.0\.1:\d+ answered 404/);
    await waitFor(async () => (await db().notificationDelivery.findFirst({ where: { subscriptionId: flapping, error: { not: null } } })) ?? undefined);
    chat.answer('/flaps', 200);
    const retried = await waitFor(async () => (await api.deliveries(people.viewer, flapping)).body.find((d: { status: string }) => d.status === 'sent'), 20_000);
    expect(retried).toMatchObject({ retried: true, attempts: 2, error: null });
  });

  it('a muted subscription sends nothing', async () => {
    const res = await api.create(people.viewer, { target: { kind: 'event-type', source: 'generic', type: 'hushed' }, policy: 'always', channels: [{ kind: 'chat', url: `${chat.url}/hushed`, format: 'slack' }] });
    expect((await api.patch(people.viewer, res.body.id, { muted: true })).body.muted).toBe(true);
    const { body } = await postEvent('generic', 'hushed', {});
    await waitFor(async () => (await db().event.findUnique({ where: { id: body.id } }))?.processedAt ?? undefined);
    expect(await notifyQueue.getJob(`notify-match.event.${body.id}`)).toBeUndefined(); // nobody listens: no job at all
    expect(chat.to('/hushed')).toEqual([]);
  });
});

describe('secrets', () => {
  it('never appear in a message, even when the run failed on a URL that held one', async () => {
    const secret = 'notify-secret-value-4242';
    expect((await callRoute(secretsPost, '/api/secrets', {}, { headers: admin, body: { name: 'HOOK_TOKEN', value: secret } })).status).toBe(201);
    const wf = (steps: string) => `apiVersion: railyard/v1\nkind: Workflow\nname: leaky\ntrigger: { source: generic, type: leaky }\nsteps:\n${steps}`;
    expect((await publishYaml(wf('  - { id: a, action: log, with: { message: hi } }\n'))).status).toBe(201);
    expect((await callRoute(workflowPatch, '/api/workflows/leaky', { name: 'leaky' }, { method: 'PATCH', headers: admin, body: { secretGrants: ['HOOK_TOKEN'] } })).status).toBe(200);
    expect((await publishYaml(wf('  - { id: call, action: http.request, with: { url: "http://127.0.0.1:1/{{ secrets.HOOK_TOKEN }}", retries: { attempts: 0 } } }\n'))).status).toBe(201);
    const res = await api.create(people.viewer, { target: { kind: 'workflow', name: 'leaky' }, policy: 'failures', channels: [{ kind: 'email' }, { kind: 'chat', url: `${chat.url}/leaky`, format: 'teams' }] });
    expect(res.status).toBe(201);
    const before = smtp.mails.length;
    await postEvent('generic', 'leaky', {});
    await waitFor(async () => chat.to('/leaky').length === 1 && smtp.mails.length === before + 1);
    expect(JSON.stringify(chat.to('/leaky')[0].body)).toContain('Error');
    expect(JSON.stringify(chat.to('/leaky')[0].body)).not.toContain(secret);
    expect(smtp.mails[before].raw).not.toContain(secret);
    expect(JSON.stringify(await db().notificationDelivery.findMany({ where: { subscriptionId: res.body.id } }))).not.toContain(secret);
  });
});

describe('pipeline subscriptions', () => {
  it('hear a train depart and derail, with a link to the train and who started it', async () => {
    const text = 'apiVersion: railyard/v1\nkind: Pipeline\nkey: notify-line\nname: Notify line\nrepository: { url: /srv/git/notify-line.git }\nstations:\n  - { key: build, name: Build, reachedBy: { workflow: flaky } }\n';
    await publishPipeline(SYSTEM_ACTOR, { text });
    const res = await api.create(people.viewer, { target: { kind: 'pipeline', key: 'notify-line' }, policy: 'always', channels: [{ kind: 'chat', url: `${chat.url}/line`, format: 'slack' }, { kind: 'email' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mailsBefore = smtp.mails.length;
    const train = await startTrain({ kind: 'user', id: people.releaser.id, name: people.releaser.name, role: 'releaser', userId: people.releaser.id }, 'notify-line', {});
    await waitFor(async () => chat.to('/line').length === 1);
    await derailTrain(SYSTEM_ACTOR, train.id, { reason: 'testing notifications' });
    await waitFor(async () => chat.to('/line').length === 2);
    await settledDeliveries(res.body.id);
    const version = (await db().train.findUniqueOrThrow({ where: { id: train.id } })).version;
    expect(slackText('/line')).toEqual([
      `ℹ️ notify-line ${version} departed ${BASE}/trains/${train.id}`,
      `❌ notify-line ${version} derailed ${BASE}/trains/${train.id}`,
    ]);
    const first = JSON.stringify(chat.to('/line')[0].body);
    expect(first).toContain(`*Started by:* ${people.releaser.name}`);
    const mails = smtp.mails.slice(mailsBefore);
    expect(mails.map(subjectOf)).toEqual([`[Railyard] notify-line ${version} departed`, `[Railyard] FAILED: notify-line ${version} derailed`]);
    expect(mails[1].raw).toContain('testing notifications');
    const departed = await db().event.findFirstOrThrow({ where: { trainId: train.id, type: 'train.departed' } });
    const preview = await api.preview(people.viewer, res.body.id, departed.id);
    expect(preview.body).toMatchObject({ decision: 'send', message: { headline: `notify-line ${version} departed`, link: `${BASE}/trains/${train.id}` } });
    expect(preview.body.rendered.map((r: { kind: string }) => r.kind)).toEqual(['chat', 'email']);
    expect(smtp.mails.length).toBe(mailsBefore + 2); // a preview sends nothing
  });
});

describe('the API refuses what it must', () => {
  const ok = { target: { kind: 'workflow', name: 'flaky' }, policy: 'always', channels: [{ kind: 'email' }] };

  it('a viewer cannot create a team subscription; an editor can, and it is audited', async () => {
    const viewer = await api.create(people.viewer, { ...ok, team: true, channels: [{ kind: 'chat', url: 'https://hooks.slack.com/services/T0/B0/secretpart1234', format: 'slack' }] });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toMatch(/^team: a team subscription needs the editor role/);
    const editor = await api.create(people.editor, { ...ok, team: true, channels: [{ kind: 'chat', url: 'https://hooks.slack.com/services/T0/B0/secretpart1234', format: 'slack' }] });
    expect(editor.status).toBe(201);
    const audit = await db().auditEntry.findFirst({ where: { action: 'subscription.create', subjectId: editor.body.id } });
    expect(audit).not.toBeNull();
    expect(JSON.stringify(audit)).not.toContain('secretpart1234');
  });

  it('names the field of bad input', async () => {
    const bad = async (body: object) => (await api.create(people.viewer, body)).body.error as string;
    expect(await bad({ ...ok, policy: 'sometimes' })).toMatch(/policy: policy must be one of/);
    expect(await bad({ ...ok, target: { kind: 'event-type', source: 'generic', type: 'x', filter: 'event.(' } })).toMatch(/target\.filter: filter does not parse/);
    expect(await bad({ ...ok, groupBy: '((' })).toMatch(/groupBy: groupBy does not parse/);
    expect(await bad({ ...ok, channels: [{ kind: 'chat', url: 'nope', format: 'slack' }] })).toMatch(/channels\.0\.url: url is not a valid webhook URL/);
    expect(await bad({ ...ok, target: { kind: 'workflow', name: 'nope' } })).toBe('target.name: workflow "nope" not found');
    expect(await bad({ ...ok, target: { kind: 'pipeline', key: 'nope' } })).toBe('target.key: pipeline "nope" not found');
    expect(await bad({ ...ok, target: { kind: 'event-type', source: 'nope', type: 'x' } })).toBe('target.source: no source "nope"');
    // Railyard's own source (created on first use) is always a valid source.
    expect((await api.create(people.viewer, { ...ok, target: { kind: 'event-type', source: 'railyard', type: 'train.departed' } })).status).toBe(201);
    expect(await bad({ ...ok, channels: [{ kind: 'email', to: 'someone@else.test' }] })).toMatch(/^channels\.0\.to: a personal subscription mails its owner/);
    expect((await api.create(people.viewer, { ...ok, policy: 'sometimes' })).status).toBe(400);
  });

  it('never returns a chat URL in full, and stores it encrypted', async () => {
    const url = 'https://hooks.slack.com/services/T1/B1/verysecrettoken9876';
    const created = await api.create(people.viewer, { ...ok, channels: [{ kind: 'chat', url, format: 'slack' }] });
    expect(created.body.channels).toEqual([{ id: expect.stringMatching(/^chat:/), kind: 'chat', format: 'slack', urlHint: 'hooks.slack.com …9876' }]);
    const list = await api.list(people.viewer);
    expect(JSON.stringify(list.body)).not.toContain('verysecrettoken');
    const row = await db().subscription.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(row.channels)).not.toContain('verysecrettoken');
    // Keeping the stored URL by id while changing the format.
    const patched = await api.patch(people.viewer, created.body.id, { channels: [{ kind: 'chat', id: created.body.channels[0].id, format: 'mattermost' }] });
    expect(patched.body.channels[0]).toMatchObject({ format: 'mattermost', urlHint: 'hooks.slack.com …9876' });
  });
});
