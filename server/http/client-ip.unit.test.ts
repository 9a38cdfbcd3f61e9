import { describe, expect, it } from 'vitest';
import { normalizeIp, parseTrustedProxies, resolveClientIp } from './client-ip';

describe('normalizeIp', () => {
  it('strips ports, brackets and the IPv4-mapped prefix; refuses what is no IP', () => {
    expect(normalizeIp(' 203.0.113.9:443 ')).toBe('203.0.113.9');
    expect(normalizeIp('[2001:db8::1]:80')).toBe('2001:db8::1');
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
    for (const bad of ['', 'unknown', 'evil.example', '999.1.1.1', null, undefined]) expect(normalizeIp(bad)).toBeNull();
  });
});

describe('parseTrustedProxies', () => {
  it('accepts addresses and CIDR ranges of both families', () => {
    const t = parseTrustedProxies('10.0.0.1, 172.16.0.0/12 ,fd00::/8');
    expect([t.has('10.0.0.1'), t.has('10.0.0.2'), t.has('172.31.255.1'), t.has('fd12::5'), t.has('::ffff:10.0.0.1')]).toEqual([true, false, true, true, true]);
    expect(parseTrustedProxies('').size).toBe(0);
  });
  it('names a bad entry instead of trusting less (or more) than meant', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x']) {
      expect(() => parseTrustedProxies(bad)).toThrow(/RAILYARD_TRUSTED_PROXIES/);
    }
  });
});

describe('resolveClientIp', () => {
  const none = parseTrustedProxies('');
  const lb = parseTrustedProxies('10.0.0.0/8');
  it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.5', '1.2.3.4', none)).toBe('203.0.113.5');
    expect(resolveClientIp('10.0.0.1', '1.2.3.4', none)).toBe('10.0.0.1');
  });
  it('walks X-Forwarded-For from the right past trusted proxies only', () => {
    expect(resolveClientIp('10.0.0.1', '198.51.100.7', lb)).toBe('198.51.100.7');
    expect(resolveClientIp('10.0.0.1', 'spoofed-by-client, 1.2.3.4, 198.51.100.7, 10.0.0.9', lb)).toBe('198.51.100.7');
    expect(resolveClientIp('203.0.113.5', '198.51.100.7', lb)).toBe('203.0.113.5');
  });
  it('stops at a malformed hop, and falls back to the furthest proxy when all are trusted', () => {
    expect(resolveClientIp('10.0.0.1', '198.51.100.7, garbage', lb)).toBe('10.0.0.1');
    expect(resolveClientIp('10.0.0.1', '10.0.0.3, 10.0.0.2', lb)).toBe('10.0.0.3');
    expect(resolveClientIp('10.0.0.1', null, lb)).toBe('10.0.0.1');
    expect(resolveClientIp(null, '198.51.100.7', lb)).toBeNull();
  });
});
