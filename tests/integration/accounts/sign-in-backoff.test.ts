// Password sign-in through next-auth's real core: failures back off per (email, client address)
// with delays that expire, a looser per-email cap spares addresses the person signed in from, and
// the client address is the socket's unless the socket is a trusted proxy (X-Forwarded-For is
// ignored otherwise). The socket address arrives in RAILYARD_SOCKET_HEADER, as
// scripts/web-server.mjs passes it in production.
process.env.RAILYARD_SOCKET_HEADER = 'x-railyard-socket-address';
process.env.RAILYARD_TRUSTED_PROXIES = '10.9.0.0/16';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_BACKOFF } from '@/engine/auth/sign-in-backoff';
import { hashPassword } from '@/server/auth/password';
import { db } from '@/server/db/client';
import { closeAll, resetState } from '../../support/harness';
import { signInWithNextAuth } from '../../support/auth-flow';

const RIGHT = 'the-right-password';
let n = 0;
async function person() {
  const email = `backoff-${++n}@test.railyard.local`;
  await db().user.create({ data: { email, name: `backoff-${n}`, role: 'releaser', passwordHash: await hashPassword(RIGHT) } });
  return email;
}
const from = (socket: string, xff?: string) => ({ 'x-railyard-socket-address': socket, ...(xff && { 'x-forwarded-for': xff }) });
const attempt = async (email: string, password: string, headers: Record<string, string>) => (await signInWithNextAuth(email, password, headers)).ok;
/** Wrong passwords until the pair is locked (the free failures, then one that sets the first delay). */
async function hammer(email: string, headers: () => Record<string, string>) {
  for (let i = 0; i <= SIGN_IN_BACKOFF.freeFailures; i++) expect(await attempt(email, 'wrong-guess', headers())).toBe(false);
}

beforeAll(async () => {
  await resetState();
});
afterAll(() => closeAll());

describe('a stranger guessing a password', () => {
  it('cannot lock the person out: their own address keeps working while strangers hammer from others', async () => {
    const email = await person();
    const home = from('198.51.100.10');
    expect(await attempt(email, RIGHT, home)).toBe(true); // the person's usual machine
    // Enough strangers' addresses to exceed the per-email cap, each backed off after a few tries.
    const strangers = Math.ceil(SIGN_IN_BACKOFF.emailCap / (SIGN_IN_BACKOFF.freeFailures + 1));
    for (let s = 1; s <= strangers; s++) await hammer(email, () => from(`203.0.113.${s}`));
    // A locked pair refuses even the right password; so does a new address while the cap holds.
    expect(await attempt(email, RIGHT, from('203.0.113.1'))).toBe(false);
    expect(await attempt(email, RIGHT, from('203.0.113.200'))).toBe(false);
    // The person, from their own address, signs in.
    expect(await attempt(email, RIGHT, home)).toBe(true);
  });

  it('is slowed by delays that expire: the right password works again once the delay has passed', async () => {
    const email = await person();
    const here = from('203.0.113.50');
    await hammer(email, () => here);
    expect(await attempt(email, RIGHT, here)).toBe(false);
    await new Promise((r) => setTimeout(r, SIGN_IN_BACKOFF.baseDelayMs + 300));
    expect(await attempt(email, RIGHT, here)).toBe(true);
  });
});

describe('X-Forwarded-For', () => {
  it('is ignored from a client that is not a trusted proxy: a forged header per attempt does not escape the back-off', async () => {
    const email = await person();
    let i = 0;
    await hammer(email, () => from('203.0.113.60', `192.0.2.${++i}`));
    expect(await attempt(email, RIGHT, from('203.0.113.60', '192.0.2.250'))).toBe(false);
  });

  it('is honoured from a trusted proxy: clients behind it are told apart, and a forged first hop changes nothing', async () => {
    const email = await person();
    const proxy = '10.9.0.5';
    await hammer(email, () => from(proxy, '198.51.100.77'));
    // The stranger behind the proxy is backed off, prepended hops or not...
    expect(await attempt(email, RIGHT, from(proxy, '198.51.100.77'))).toBe(false);
    expect(await attempt(email, RIGHT, from(proxy, '1.2.3.4, 198.51.100.77'))).toBe(false);
    // ...while the person behind the same proxy signs in.
    expect(await attempt(email, RIGHT, from(proxy, '198.51.100.88'))).toBe(true);
  });
});
