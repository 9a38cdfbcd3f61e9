import { describe, expect, it } from 'vitest';
import { eventTypeProblem, eventTypeString, isValidEventType, typeFromPathSegment } from './event-type';

describe('the event type rule', () => {
  it.each(['repo:push', 'pullrequest:created', 'pull_request.closed', 'build-completed', 'issue-transitioned', 'Deploy.Done', 'a', '7', 'x'.repeat(100)])(
    'accepts %s',
    (type) => expect(isValidEventType(type)).toBe(true),
  );

  it.each(['', 'repo push', 'repo/push', 'repo#push', 'repo%3Apush', ':push', 'push:', '.push', 'push.', '-x', 'x_', 'ümlaut', 'a\nb', 'x'.repeat(101)])(
    'refuses %j',
    (type) => expect(isValidEventType(type)).toBe(false),
  );

  it('says why', () => {
    expect(eventTypeProblem('')).toMatch(/empty/);
    expect(eventTypeProblem('x'.repeat(101))).toMatch(/longer than 100/);
    expect(eventTypeProblem('repo push')).toMatch(/letters, digits/);
  });

  it('is the same rule as a zod field, with a message naming the type', () => {
    const schema = eventTypeString();
    expect(schema.safeParse('repo:push').success).toBe(true);
    const refused = schema.safeParse('repo push');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/^invalid event type "repo push": /);
    expect(schema.safeParse('x'.repeat(101)).success).toBe(false);
  });
});

describe('typeFromPathSegment', () => {
  it('takes a raw colon and an escaped one to the same type', () => {
    expect(typeFromPathSegment('repo:push')).toEqual({ ok: true, type: 'repo:push' });
    expect(typeFromPathSegment('repo%3Apush')).toEqual({ ok: true, type: 'repo:push' });
    expect(typeFromPathSegment('pullrequest%3acreated')).toEqual({ ok: true, type: 'pullrequest:created' });
  });

  it('refuses bad escapes and what decodes to a non-type', () => {
    expect(typeFromPathSegment('repo%ZZpush')).toEqual({ ok: false, error: expect.stringMatching(/percent-encoding/) });
    expect(typeFromPathSegment('repo%2Fpush')).toEqual({ ok: false, error: expect.stringMatching(/invalid event type "repo\/push"/) });
    expect(typeFromPathSegment('repo%20push').ok).toBe(false);
  });
});
