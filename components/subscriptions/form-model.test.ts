import { describe, expect, it } from 'vitest';
import type { SubscriptionDto } from '@/lib/subscription-dto';
import { createBody, initialState, stateFrom, updateBody, validate } from './form-model';

const eventType = { kind: 'event-type' as const, source: 'railyard', type: 'train.departed' };

describe('subscription form model', () => {
  it('defaults to every time, to my e-mail', () => {
    expect(createBody(initialState(eventType))).toEqual({ target: eventType, policy: 'always', channels: [{ kind: 'email' }], team: false });
    expect(validate(initialState(eventType))).toEqual({});
  });

  it('keeps the grouping expression only for status changes', () => {
    const f = { ...initialState({ kind: 'workflow' as const, name: 'build' }), groupBy: 'event.payload.branch' };
    expect(createBody(f).groupBy).toBeUndefined();
    expect(updateBody(f).groupBy).toBeNull();
    expect(createBody({ ...f, policy: 'changes' }).groupBy).toBe('event.payload.branch');
  });

  it('sends the filter inside an event-type target only', () => {
    expect(createBody({ ...initialState(eventType), filter: " payload.pipeline.key = 'shop' " }).target).toEqual({ ...eventType, filter: "payload.pipeline.key = 'shop'" });
    expect(createBody({ ...initialState({ kind: 'pipeline', key: 'shop' }), filter: 'x' }).target).toEqual({ kind: 'pipeline', key: 'shop' });
  });

  it('puts the server schema’s complaints under the field to fix', () => {
    expect(validate({ ...initialState(eventType), emailMe: false }).channels).toBe('Pick at least one place to send it.');
    expect(validate({ ...initialState(eventType), emailOther: 'ops@example.com, nope' }).emailOther).toMatch(/e-mail/);
    expect(validate({ ...initialState(eventType), chatOn: true }).chatUrl).toBeTruthy();
    expect(validate({ ...initialState(eventType), chatOn: true, chatUrl: 'ftp://chat.example.com/x' }).chatUrl).toMatch(/http/);
    expect(validate({ ...initialState(eventType), filter: 'payload.(' }).filter).toMatch(/filter does not parse/);
    expect(validate({ ...initialState(eventType), policy: 'changes', groupBy: '$$$(' }).groupBy).toMatch(/groupBy/);
  });

  it('a team subscription never mails the editor who made it', () => {
    const f = { ...initialState(eventType), team: true, chatOn: true, chatUrl: 'https://chat.example.com/hooks/abc', chatFormat: 'mattermost' as const };
    expect(createBody(f).channels).toEqual([{ kind: 'chat', url: 'https://chat.example.com/hooks/abc', format: 'mattermost' }]);
    expect(validate({ ...f, chatOn: false }).channels).toMatch(/team/);
  });

  it('an edited chat channel without a new URL keeps the stored webhook by its id', () => {
    const dto: SubscriptionDto = {
      id: 's1', owner: { id: 'u1', name: 'Dana' }, team: false, target: eventType, label: 'railyard / train.departed', policy: 'failures', groupBy: null, muted: false, canManage: true,
      createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
      channels: [{ id: 'email:owner', kind: 'email', to: 'dana@example.com' }, { id: 'email:ops@example.com', kind: 'email', to: 'ops@example.com' }, { id: 'chat:abc', kind: 'chat', format: 'teams', urlHint: 'outlook.office.com …abcd' }],
    };
    const f = stateFrom(dto);
    expect(f).toMatchObject({ policy: 'failures', emailMe: true, emailOther: 'ops@example.com', chatOn: true, chatFormat: 'teams' });
    expect(validate(f)).toEqual({});
    expect(updateBody(f).channels).toEqual([{ kind: 'email' }, { kind: 'email', to: 'ops@example.com' }, { kind: 'chat', id: 'chat:abc', format: 'teams' }]);
  });
});
