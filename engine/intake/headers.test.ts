import { describe, expect, it } from 'vitest';
import { eventSlots, resolveDeliveryId } from './delivery';
import { normalizeHeaders, storedHeaders } from './headers';

describe('normalizeHeaders', () => {
  it('lower-cases names and joins repeated ones', () => {
    expect(normalizeHeaders([['X-GitHub-Event', 'push'], ['Accept', 'a'], ['accept', 'b']])).toEqual({
      'x-github-event': 'push',
      accept: 'a, b',
    });
  });

  it('accepts a Headers object and cannot be used to reach the prototype', () => {
    const fromFetch = normalizeHeaders(new Headers({ 'X-Gitlab-Event': 'Push Hook' }));
    expect(fromFetch).toEqual({ 'x-gitlab-event': 'Push Hook' });
    const sneaky = normalizeHeaders([['__proto__', 'x']]);
    expect(Object.getPrototypeOf(sneaky)).toBe(Object.prototype);
  });
});

describe('storedHeaders', () => {
  it('redacts credentials and keeps everything else', () => {
    const stored = storedHeaders({
      authorization: 'Bearer abc',
      'x-gitlab-token': 't',
      cookie: 'c',
      'x-hub-signature': 'sha1=1',
      'x-hub-signature-256': 'sha256=2',
      'x-github-event': 'push',
    });
    expect(stored).toEqual({
      authorization: '[redacted]',
      'x-gitlab-token': '[redacted]',
      cookie: '[redacted]',
      'x-hub-signature': '[redacted]',
      'x-hub-signature-256': '[redacted]',
      'x-github-event': 'push',
    });
  });
});

describe('delivery ids', () => {
  it('falls back to Idempotency-Key only when there is no native id', () => {
    expect(resolveDeliveryId('native', { 'idempotency-key': 'k' })).toBe('native');
    expect(resolveDeliveryId(null, { 'idempotency-key': 'k' })).toBe('k');
    expect(resolveDeliveryId(null, {})).toBeNull();
  });

  it('keeps the id on the primary type and suffixes the others', () => {
    expect(eventSlots(['issue-updated', 'issue-transitioned'], 'd1')).toEqual([
      { type: 'issue-updated', deliveryId: 'd1' },
      { type: 'issue-transitioned', deliveryId: 'd1#issue-transitioned' },
    ]);
    expect(eventSlots(['issue-updated', 'issue-transitioned'], null).map((s) => s.deliveryId)).toEqual([null, null]);
  });
});
