// Which network targets outgoing HTTP (http.request, notify, Jenkins, Jira) may not reach by
// default. Self-hosted tools live on loopback and private ranges, so those stay allowed; what is
// refused are addresses that only make sense as an SSRF target: cloud metadata services (they hand
// out instance credentials), the rest of link-local, and the "this host" 0.0.0.0/8 / ::.
// Pure: parsing only, no DNS (server/actions/target-guard.ts resolves names and calls this).

export type AddressRule = 'metadata' | 'link-local' | 'unspecified';

export const RULE_TEXT: Record<AddressRule, string> = {
  metadata: 'a cloud metadata address',
  'link-local': 'a link-local address (169.254.0.0/16, fe80::/10)',
  unspecified: 'an unspecified address (0.0.0.0/8, ::)',
};

/** Names that resolve to a metadata service inside clouds; refused whatever they resolve to here. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog']);

/** Strict dotted-decimal IPv4 (the WHATWG URL parser already normalises 0x7f.1-style forms). */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return out.every((n) => n >= 0 && n <= 255) ? out : null;
}

/** IPv6 as eight 16-bit words; accepts "::" compression, an IPv4 tail and a %zone suffix. */
export function parseIpv6(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!s.includes(':')) return null;
  const v4 = s.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    // An IPv4 tail (::ffff:169.254.169.254) is two words written differently.
    const b = parseIpv4(v4[2]);
    if (!b) return null;
    s = `${v4[1]}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (h: string) => (h === '' ? [] : h.split(':'));
  const head = words(halves[0]);
  const rest = halves.length === 2 ? words(halves[1]) : [];
  const all = [...head, ...rest];
  if (!all.every((w) => /^[0-9a-f]{1,4}$/i.test(w))) return null;
  if (halves.length === 1 ? all.length !== 8 : all.length > 7) return null;
  return [...head, ...new Array<string>(8 - all.length).fill('0'), ...rest].map((w) => parseInt(w, 16));
}

function classifyV4([a, b, c, d]: number[]): AddressRule | null {
  if ((a === 169 && b === 254 && c === 169 && d === 254) || (a === 100 && b === 100 && c === 100 && d === 200)) return 'metadata';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0) return 'unspecified';
  return null;
}

/** The rule an IP address falls under, or null when it may be called. Non-IPs answer null. */
export function classifyAddress(ip: string): AddressRule | null {
  const v4 = parseIpv4(ip);
  if (v4) return classifyV4(v4);
  const w = parseIpv6(ip);
  if (!w) return null;
  if (w.every((x) => x === 0)) return 'unspecified';
  // fd00:ec2::254 is AWS's IPv6 metadata endpoint.
  if (w[0] === 0xfd00 && w[1] === 0x0ec2 && w.slice(2, 7).every((x) => x === 0) && w[7] === 0x254) return 'metadata';
  if ((w[0] & 0xffc0) === 0xfe80) return 'link-local';
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the embedded IPv4 address.
  const mapped = w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff;
  const nat64 = w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0);
  if (mapped || nat64) return classifyV4([w[6] >> 8, w[6] & 0xff, w[7] >> 8, w[7] & 0xff]);
  return null;
}

export const isIpLiteral = (host: string): boolean => parseIpv4(host) !== null || parseIpv6(host) !== null;

/** Lower-case, without IPv6 brackets or a trailing dot: the form allow-lists are compared in. */
export const normalizeHost = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/** The rule a URL host (name or IP literal) falls under by itself, before any DNS lookup. */
export function classifyHost(host: string): AddressRule | null {
  const h = normalizeHost(host);
  if (METADATA_NAMES.has(h)) return 'metadata';
  return classifyAddress(h);
}

export type GuardPolicy = { allowHosts: readonly string[]; allowLinkLocal: boolean };

/**
 * The rule that refuses this address under the policy, or null. Allowing link-local does not
 * allow metadata addresses (which sit inside it): those need to be named in allowHosts.
 */
export function refusedBy(address: string, policy: GuardPolicy): AddressRule | null {
  if (policy.allowHosts.includes(normalizeHost(address))) return null;
  const rule = classifyHost(address);
  if (rule === 'link-local' && policy.allowLinkLocal) return null;
  return rule;
}
