import { describe, expect, it } from 'vitest';
import { createSubscriptionSchema, targetKey, updateSubscriptionSchema } from './schema';

const ok = { target: { kind: 'workflow', name: 'deploy-web' }, policy: 'changes', channels: [{ kind: 'email' }] };
const problems = (input: unknown) => {
  const r = createSubscriptionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('subscription input', () => {
  it('accepts the three targets and both channel kinds', () => {
    expect(problems(ok)).toEqual([]);
    expect(problems({ ...ok, target: { kind: 'event-type', source: 'jenkins', type: 'build-finished', filter: 'event.payload.phase = "FAILED"' } })).toEqual([]);
    expect(problems({ ...ok, target: { kind: 'pipeline', key: 'shop-web' }, channels: [{ kind: 'chat', url: 'https://hooks.slack.com/services/T/B/x', format: 'slack' }] })).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(problems({ ...ok, policy: 'sometimes' })).toEqual(['policy: policy must be one of always, failures, changes, digest-hourly, digest-daily']);
    expect(problems({ ...ok, target: { kind: 'event-type', source: 'a', type: 'b', filter: 'event.payload.(' } })[0]).toMatch(/^target\.filter: filter does not parse/);
    expect(problems({ ...ok, groupBy: '$$$(' })[0]).toMatch(/^groupBy: groupBy does not parse/);
    expect(problems({ ...ok, channels: [{ kind: 'chat', url: 'not a url', format: 'slack' }] })).toEqual(['channels.0.url: url is not a valid webhook URL']);
    expect(problems({ ...ok, channels: [{ kind: 'chat', url: 'ftp://x.example/hook', format: 'slack' }] })[0]).toMatch(/^channels\.0\.url: url must be http\(s\)/);
    expect(problems({ ...ok, channels: [{ kind: 'chat', url: 'https://x.example/h', format: 'irc' }] })[0]).toMatch(/^channels\.0\.format:/);
    expect(problems({ ...ok, channels: [] })).toEqual(['channels: channels needs at least one channel']);
    expect(problems({ ...ok, target: { kind: 'repo', name: 'x' } })[0]).toMatch(/^target\.kind:/);
    expect(problems({ ...ok, extra: 1 })[0]).toMatch(/extra/);
  });

  it('updates mute and policy alone', () => {
    expect(updateSubscriptionSchema.parse({ muted: true })).toEqual({ muted: true });
    expect(updateSubscriptionSchema.safeParse({ policy: 'never' }).success).toBe(false);
  });

  it('keys targets for matching', () => {
    expect(targetKey({ kind: 'event-type', source: 'railyard', type: 'train.departed' })).toBe('event-type:railyard/train.departed');
    expect(targetKey({ kind: 'workflow', name: 'deploy' })).toBe('workflow:deploy');
    expect(targetKey({ kind: 'pipeline', key: 'shop-web' })).toBe('pipeline:shop-web');
  });
});
