import { describe, expect, it } from 'vitest';
import { REDACTED, sanitizeAuditValue } from './sanitize';

describe('sanitizeAuditValue', () => {
  it('redacts secret-bearing keys at any depth and keeps the rest', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(sanitizeAuditValue({ name: 'x', auth: { mode: 'hmac', secret: 's3cr3t' }, steps: [{ with: { token: 't' } }], at, gone: undefined })).toEqual({
      name: 'x',
      auth: { mode: 'hmac', secret: REDACTED },
      steps: [{ with: { token: REDACTED } }],
      at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('keeps markers such as secretRotated (a fact, not a secret)', () => {
    expect(sanitizeAuditValue({ secretRotated: true, secretHash: 'abc', passwordHash: 'def' })).toEqual({ secretRotated: true, secretHash: REDACTED, passwordHash: REDACTED });
  });
});
