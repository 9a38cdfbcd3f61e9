import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './auth-client';

describe('safeCallbackUrl', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeCallbackUrl('/runs?status=failed')).toBe('/runs?status=failed');
    expect(safeCallbackUrl('/runs/abc')).toBe('/runs/abc');
  });

  it('refuses other origins, protocol-relative and odd schemes', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '']) {
      expect(safeCallbackUrl(bad)).toBe('/');
    }
    expect(safeCallbackUrl(null)).toBe('/');
  });

  it('never loops back to the sign-in page or lands on raw API answers', () => {
    expect(safeCallbackUrl('/signin?callbackUrl=%2F')).toBe('/');
    expect(safeCallbackUrl('/api/me')).toBe('/');
  });
});
