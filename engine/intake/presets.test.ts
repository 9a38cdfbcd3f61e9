import { describe, expect, it } from 'vitest';
import { listPayloadFiles, nativeDeliveryId, readFixturePayload, WEBHOOK_FIXTURES } from '../../tests/fixtures/webhooks/index';
import { PRESETS } from '../dto/registry';
import { normalizeHeaders } from './headers';
import { derivePresetEvent, PRESET_INFO, presetSignatureHeader } from './presets';

describe('derivePresetEvent on the real webhook fixtures', () => {
  it('lists every payload file in the fixtures folder', () => {
    expect(WEBHOOK_FIXTURES.map((f) => f.file).sort()).toEqual(listPayloadFiles());
  });

  it.each(WEBHOOK_FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    const headers = normalizeHeaders(Object.entries(fixture.headers));
    const result = derivePresetEvent(fixture.source, headers, readFixturePayload(fixture));
    expect(result).toEqual({
      ok: true,
      types: fixture.expectedTypes,
      deliveryId: nativeDeliveryId(fixture),
    });
    if (result.ok) expect(result.types[0]).toBe(fixture.expectedType);
  });
});

describe('github', () => {
  it('needs the X-GitHub-Event header and names it', () => {
    const result = derivePresetEvent('github', {}, { action: 'opened' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('X-GitHub-Event') });
  });

  it('treats ping as a normal type and ignores a non-string action', () => {
    expect(derivePresetEvent('github', { 'x-github-event': 'ping' }, { zen: 'Keep it simple.' })).toEqual({
      ok: true,
      types: ['ping'],
      deliveryId: null,
    });
    const odd = derivePresetEvent('github', { 'x-github-event': 'push' }, { action: 42 });
    expect(odd.ok && odd.types).toEqual(['push']);
  });

  it('rejects a header value that is not a type', () => {
    const result = derivePresetEvent('github', { 'x-github-event': 'push<script>' }, {});
    expect(result.ok).toBe(false);
  });
});

describe('gitlab', () => {
  it('maps build to job and falls back to the X-Gitlab-Event header', () => {
    const job = derivePresetEvent('gitlab', {}, { object_kind: 'build' });
    expect(job.ok && job.types).toEqual(['job']);
    const fromHeader = derivePresetEvent('gitlab', { 'x-gitlab-event': 'Tag Push Hook' }, {});
    expect(fromHeader.ok && fromHeader.types).toEqual(['tag-push']);
    const mr = derivePresetEvent('gitlab', { 'x-gitlab-event': 'Merge Request Hook' }, { object_attributes: { action: 'merge' } });
    expect(mr.ok && mr.types).toEqual(['merge-request.merge']);
  });

  it('names both places when neither gives a kind', () => {
    const result = derivePresetEvent('gitlab', {}, {});
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/object_kind.*X-Gitlab-Event/) });
  });
});

describe('jira', () => {
  it('strips jira:, kebab-cases, and reads the Atlassian identifier', () => {
    const headers = { 'x-atlassian-webhook-identifier': '42-abc' };
    expect(derivePresetEvent('jira', headers, { webhookEvent: 'comment_created' })).toEqual({
      ok: true,
      types: ['comment-created'],
      deliveryId: '42-abc',
    });
  });

  it('adds issue-transitioned only when the changelog touches status', () => {
    const edit = { webhookEvent: 'jira:issue_updated', changelog: { items: [{ field: 'summary' }] } };
    const result = derivePresetEvent('jira', {}, edit);
    expect(result.ok && result.types).toEqual(['issue-updated']);
  });

  it('names webhookEvent when it is missing', () => {
    expect(derivePresetEvent('jira', {}, { issue: {} })).toEqual({ ok: false, error: expect.stringContaining('webhookEvent') });
  });
});

describe('jenkins', () => {
  it('maps FINALIZED and names build.phase when it is missing', () => {
    const done = derivePresetEvent('jenkins', {}, { build: { phase: 'FINALIZED' } });
    expect(done.ok && done.types).toEqual(['build-finalized']);
    expect(derivePresetEvent('jenkins', {}, { build: { number: 3 } })).toEqual({
      ok: false,
      error: expect.stringContaining('build.phase'),
    });
  });
});

describe('bitbucket', () => {
  it('keeps X-Event-Key as Bitbucket names it (colon included) and reads X-Request-UUID', () => {
    const headers = { 'x-event-key': 'PullRequest:Fulfilled', 'x-request-uuid': 'req-1' };
    expect(derivePresetEvent('bitbucket', headers, { pullrequest: {} })).toEqual({
      ok: true,
      types: ['pullrequest:fulfilled'],
      deliveryId: 'req-1',
    });
  });

  it('needs X-Event-Key, a JSON object, and a key that is a valid type', () => {
    expect(derivePresetEvent('bitbucket', {}, {})).toEqual({ ok: false, error: expect.stringContaining('X-Event-Key') });
    expect(derivePresetEvent('bitbucket', { 'x-event-key': 'repo:push' }, [1])).toEqual({ ok: false, error: expect.stringContaining('JSON object') });
    expect(derivePresetEvent('bitbucket', { 'x-event-key': 'repo:push<b>' }, {})).toEqual({ ok: false, error: expect.stringContaining('invalid event type') });
  });

  it('signs in X-Hub-Signature, or takes a token', () => {
    expect(presetSignatureHeader('bitbucket')).toEqual({ header: 'X-Hub-Signature', format: expect.stringContaining('sha256=') });
    expect(presetSignatureHeader('bitbucket', 'token')?.header).toBe('Authorization');
  });
});

describe('generic and shared rules', () => {
  it('derives no type and reads Idempotency-Key', () => {
    expect(derivePresetEvent('generic', { 'idempotency-key': 'k-1' }, 'anything')).toEqual({
      ok: true,
      types: [],
      deliveryId: 'k-1',
    });
  });

  it.each(['github', 'gitlab', 'jira', 'jenkins'] as const)('%s rejects a payload that is not an object', (preset) => {
    for (const payload of [null, 'text', 42, [{ build: { phase: 'STARTED' } }]]) {
      const result = derivePresetEvent(preset, { 'x-github-event': 'push' }, payload);
      expect(result).toEqual({ ok: false, error: expect.stringContaining('JSON object') });
    }
  });

  it('describes every preset, with a header for each auth mode it offers', () => {
    for (const preset of PRESETS) {
      for (const mode of PRESET_INFO[preset].authModes) expect(presetSignatureHeader(preset, mode)).not.toBeNull();
    }
    expect(presetSignatureHeader('github')).toEqual({ header: 'X-Hub-Signature-256', format: expect.any(String) });
    expect(presetSignatureHeader('github', 'token')).toBeNull();
    expect(presetSignatureHeader('gitlab')?.header).toBe('X-Gitlab-Token');
  });
});
