// Intake rate limits (issue 7): the per-source budget counts only deliveries whose credential
// checked out, so a stranger flooding a source with a wrong secret cannot make the real sender's
// deliveries get 429; a per-address limit on failed deliveries, checked before authentication,
// sheds such a flood. Small limits for this file, set before anything reads env().
process.env.RAILYARD_INTAKE_RATE_PER_MIN = '5';
process.env.RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN = '10';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, postEvent, postHook, resetState } from '../support/harness';

afterAll(() => closeAll());
beforeEach(async () => {
  // The limits use fixed one-minute windows: keep each test inside one window.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
  await resetState(); // also empties Redis, so counts start at zero
});

const from = (ip: string) => ({ 'X-Forwarded-For': ip });
const wrongSecret = { Authorization: 'Bearer not-the-generic-secret' };

describe('intake rate limits', () => {
  it('a wrong-secret flood does not spend the source budget: a correctly signed delivery still gets 202', async () => {
    // Twice the source's budget in wrong-secret deliveries, from many addresses (no address limit hit).
    for (let i = 0; i < 10; i++) {
      const res = await postEvent('generic', 'flood.test', { i }, { ...wrongSecret, ...from(`203.0.113.${i + 1}`) }, { auth: false });
      expect(res.status).toBe(401);
    }
    // GitHub's HMAC source too: bad signatures never count against it.
    for (let i = 0; i < 10; i++) {
      const res = await postHook('github', { zen: 'x' }, { 'X-GitHub-Event': 'ping', 'X-GitHub-Delivery': `bad-${i}`, 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}`, ...from(`203.0.113.${i + 50}`) }, { auth: false });
      expect(res.status).toBe(401);
    }
    const real = await postEvent('generic', 'flood.test', { real: true }, from('198.51.100.2'));
    expect(real.status).toBe(202);
    const hook = await postHook('github', { zen: 'y' }, { 'X-GitHub-Event': 'ping', 'X-GitHub-Delivery': 'real-1', ...from('198.51.100.3') });
    expect(hook.status).toBe(202);
  });

  it('authenticated deliveries still have a per-source budget, answered 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await postEvent('generic', 'budget.test', { i }, from('198.51.100.9'))).status).toBe(202);
    const over = await postEvent('generic', 'budget.test', { i: 6 }, from('198.51.100.9'));
    expect(over.status).toBe(429);
    expect(over.body.error).toMatch(/too many events for source "generic": more than 5 per minute/);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another source is not affected.
    expect((await postEvent('jenkins', 'budget.test', {}, from('198.51.100.9'))).status).toBe(202);
  });

  it('an address that keeps failing is refused before authentication; other addresses are not', async () => {
    const stranger = from('192.0.2.66');
    for (let i = 0; i < 10; i++) expect((await postEvent('generic', 'scan.test', {}, { ...wrongSecret, ...stranger }, { auth: false })).status).toBe(401);
    // Unknown sources count as failures too (scanning for source keys).
    const refused = await postEvent('no-such-source', 'scan.test', {}, stranger, { auth: false });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/too many failed deliveries from your address: more than 10 per minute/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused before authentication: even the right secret from that address waits out the window.
    expect((await postEvent('generic', 'scan.test', {}, stranger)).status).toBe(429);
    // The real sender elsewhere is unaffected, and its source budget was never touched.
    expect((await postEvent('generic', 'scan.test', {}, from('198.51.100.20'))).status).toBe(202);
  });

  it('the address is the last X-Forwarded-For hop when no proxy is trusted: a forged first hop is ignored', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await postEvent('generic', 'forge.test', {}, { ...wrongSecret, 'X-Forwarded-For': `10.9.9.${i}, 192.0.2.77` }, { auth: false });
      expect(res.status).toBe(401);
    }
    expect((await postEvent('generic', 'forge.test', {}, { ...wrongSecret, ...from('192.0.2.77') }, { auth: false })).status).toBe(429);
  });
});
