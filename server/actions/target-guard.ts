// SSRF guard for every outgoing request of an action (http.request, notify.chat, Jenkins, Jira):
// a workflow author must not be able to read the cloud metadata service (instance credentials)
// through the worker. The host is checked by name, then every address it resolves to, so a DNS
// name pointing at 169.254.169.254 is refused as well; and the connection checks again, with the
// addresses it actually connects to (connectLookup), so a name that answers differently the second
// time (DNS rebinding) is refused too. Classification rules: engine/net.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIpLiteral, normalizeHost, refusedBy, RULE_TEXT } from '@/engine/net/address-class';
import { httpGuardSettings } from '../env';
import { PermanentError } from './types';

const HINT = 'allow it with RAILYARD_HTTP_ALLOW_HOSTS (or RAILYARD_HTTP_ALLOW_LINK_LOCAL=true for link-local)';

/**
 * The connection's resolver (the system's, through getaddrinfo). A field, so a test can stand in
 * for a DNS server that answers the connection differently from the check; nothing else sets it.
 */
export const resolver: { lookup: typeof dnsLookup } = { lookup: dnsLookup };

/**
 * Throws a PermanentError (retrying cannot help) when `url` may not be called. A name that does
 * not resolve is left to fetch, which reports it as the usual transient network failure.
 */
export async function guardTarget(url: string, label?: string): Promise<void> {
  await vet(url, label, 'let-through');
}

/**
 * guardTarget for a client that can be told which addresses to use (git's libcurl, through
 * http.curloptResolve): the addresses it checked, so the client never asks DNS again and a second
 * answer (rebinding) is never heard. null when there is nothing to pin: an address, or a host an
 * operator allowed by name. A name that does not resolve is an error here (retryable), since the
 * client must not resolve it itself.
 */
export async function checkedAddresses(url: string, label?: string): Promise<string[] | null> {
  return vet(url, label, 'throw');
}

async function vet(url: string, label: string | undefined, unresolvable: 'let-through' | 'throw'): Promise<string[] | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PermanentError(`${label ?? 'request'}: invalid URL`);
  }
  // fetch also speaks data: and blob:; an action has no business with anything but the network.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PermanentError(`${label ?? 'request'}: only http and https URLs may be called, not ${parsed.protocol}`);
  }
  const policy = httpGuardSettings();
  const host = normalizeHost(parsed.hostname);
  if (policy.allowHosts.includes(host)) return null;
  const byName = refusedBy(host, policy);
  if (byName) throw new PermanentError(`refused to call ${host}: it is ${RULE_TEXT[byName]} (rule: ${byName}); ${HINT}`);
  if (isIpLiteral(host)) return null;

  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    if (unresolvable === 'let-through') return null;
    throw new Error(`${label ?? 'request'}: cannot resolve ${host} (${(err as { code?: string }).code ?? (err as Error).message})`);
  }
  for (const { address } of addresses) {
    const rule = refusedBy(address, policy);
    if (rule) throw new PermanentError(`refused to call ${host}: it resolves to ${address}, ${RULE_TEXT[rule]} (rule: ${rule}); ${HINT}`);
  }
  if (addresses.length === 0 && unresolvable === 'throw') throw new Error(`${label ?? 'request'}: cannot resolve ${host} (no address)`);
  return addresses.map((a) => a.address);
}

/**
 * node:net's `lookup` for the connection to `url`: the addresses the socket is about to use are
 * checked as they are resolved, and a refused one fails the connection with a PermanentError
 * before any byte is sent. guardTarget's earlier answer is not trusted for this: DNS may answer
 * differently the second time (rebinding). Undefined when there is nothing to resolve (an address)
 * or the host is allowed by name.
 */
export function connectLookup(url: string, label?: string): LookupFunction | undefined {
  const host = normalizeHost(new URL(url).hostname);
  const policy = httpGuardSettings();
  if (policy.allowHosts.includes(host) || isIpLiteral(host)) return undefined;
  const lookup = (hostname: string, options: object, callback: (err: Error | null, address?: string | LookupAddress[], family?: number) => void) => {
    resolver.lookup(hostname, options as never, ((err: Error | null, address: string | LookupAddress[], family?: number) => {
      if (err) return callback(err);
      const list = Array.isArray(address) ? address : [{ address, family: family ?? 0 }];
      for (const a of list) {
        const rule = refusedBy(a.address, policy);
        if (rule) {
          return callback(new PermanentError(
            `${label ?? 'request'}: refused to connect to ${host}: it now resolves to ${a.address}, ${RULE_TEXT[rule]} (rule: ${rule}); ${HINT}`));
        }
      }
      callback(null, address, family);
    }) as never);
  };
  return lookup as unknown as LookupFunction;
}
