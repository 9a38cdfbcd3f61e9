// SSRF guard for every outgoing request of an action (http.request, notify.chat, Jenkins, Jira):
// a workflow author must not be able to read the cloud metadata service (instance credentials)
// through the worker. The host is checked by name, then every address it resolves to, so a DNS
// name pointing at 169.254.169.254 is refused as well. Classification rules: engine/net.
import { lookup } from 'node:dns/promises';
import { isIpLiteral, normalizeHost, refusedBy, RULE_TEXT } from '@/engine/net/address-class';
import { httpGuardSettings } from '../env';
import { PermanentError } from './types';

const HINT = 'allow it with RAILYARD_HTTP_ALLOW_HOSTS (or RAILYARD_HTTP_ALLOW_LINK_LOCAL=true for link-local)';

/**
 * Throws a PermanentError (retrying cannot help) when `url` may not be called. A name that does
 * not resolve is left to fetch, which reports it as the usual transient network failure.
 */
export async function guardTarget(url: string, label?: string): Promise<void> {
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
  if (policy.allowHosts.includes(host)) return;
  const byName = refusedBy(host, policy);
  if (byName) throw new PermanentError(`refused to call ${host}: it is ${RULE_TEXT[byName]} (rule: ${byName}); ${HINT}`);
  if (isIpLiteral(host)) return;

  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return;
  }
  for (const { address } of addresses) {
    const rule = refusedBy(address, policy);
    if (rule) throw new PermanentError(`refused to call ${host}: it resolves to ${address}, ${RULE_TEXT[rule]} (rule: ${rule}); ${HINT}`);
  }
}
