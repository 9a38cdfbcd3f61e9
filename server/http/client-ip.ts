// The client's address for per-address limits (sign-in back-off, intake limits). X-Forwarded-For
// is believed only from proxies listed in RAILYARD_TRUSTED_PROXIES (IPs or CIDRs, comma-separated;
// default none), read right to left: the first hop that is not a trusted proxy is the client.
//
// Where the socket address comes from: Next 16 route handlers get a Web `Request` without the
// connection's address (NextRequest.ip is gone since Next 15), and `next start` fills
// X-Forwarded-For with the socket address only when the client sent none (`??=` in Next's
// base-server), so a client-supplied X-Forwarded-For hides it. scripts/web-server.mjs (what
// npm start runs) therefore wraps Next's request handler, writes each connection's socket address
// into the header named by RAILYARD_SOCKET_HEADER (overwriting any copy a client sent) and sets
// that variable for its own process. Without it (plain `next start`, `next dev`) the best
// available is the last X-Forwarded-For entry, which a client can forge: run the web through
// scripts/web-server.mjs wherever address limits matter.
import { BlockList, isIP } from 'node:net';
import { env } from '../env';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : (v ?? null);
}

/** A bare IP (no port, no brackets, IPv4-mapped IPv6 as IPv4), or null when it is not an IP. */
export function normalizeIp(raw: string | null | undefined): string | null {
  let v = raw?.trim() ?? '';
  if (!v) return null;
  const bracketed = v.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  const mapped = v.match(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i);
  if (mapped) v = mapped[1];
  return isIP(v) ? v.toLowerCase() : null;
}

export type TrustedProxies = { has: (ip: string) => boolean; size: number };

/** Parses "10.0.0.1, 10.1.0.0/16, fd00::/8"; an entry that is no IP or CIDR is a configuration error. */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new BlockList();
  const entries = spec.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split('/');
    const ip = normalizeIp(addr);
    const family = ip ? (isIP(ip) === 6 ? 'ipv6' : 'ipv4') : null;
    const prefix = bits === undefined ? null : Number(bits);
    const maxBits = family === 'ipv6' ? 128 : 32;
    if (!ip || !family || extra !== undefined || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new Error(`RAILYARD_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.1 or 10.0.0.0/8)`);
    }
    if (prefix === null) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
  }
  const has = (ip: string) => {
    const v = normalizeIp(ip);
    return v !== null && list.check(v, isIP(v) === 6 ? 'ipv6' : 'ipv4');
  };
  return { has, size: entries.length };
}

/** The client: the peer itself unless it is a trusted proxy, else the nearest untrusted hop it forwarded. */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const direct = normalizeIp(peer);
  if (!direct || !trusted.has(direct)) return direct;
  const hops = (forwardedFor ?? '').split(',').map(normalizeIp);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    // A malformed entry ends what can be believed: the proxy that appended it vouches for no more.
    if (!hop) return direct;
    if (!trusted.has(hop)) return hop;
  }
  // Every hop is a trusted proxy: the furthest one is the best we know.
  return hops[0] ?? direct;
}

let memo: { spec: string; parsed: TrustedProxies } | undefined;
function trustedProxies(): TrustedProxies {
  const spec = env().RAILYARD_TRUSTED_PROXIES;
  if (memo?.spec !== spec) memo = { spec, parsed: parseTrustedProxies(spec) };
  return memo.parsed;
}

/** The calling client's address from request headers (a Request's, or next-auth's plain object). */
export function clientIp(headers: HeaderBag): string | null {
  const socketHeader = env().RAILYARD_SOCKET_HEADER;
  const xff = header(headers, 'x-forwarded-for');
  const peer = socketHeader ? header(headers, socketHeader) : (xff?.split(',').at(-1) ?? null);
  const forwarded = socketHeader ? xff : (xff?.split(',').slice(0, -1).join(',') ?? null);
  return resolveClientIp(peer, forwarded, trustedProxies());
}
