// Which remotes git.clone and git.push may talk to. Network remotes follow the HTTP SSRF rules
// (target-guard.ts: the host and every address it resolves to; RAILYARD_HTTP_ALLOW_HOSTS applies).
// "<helper>::<address>" (ext::, fd::…) and unknown schemes start remote-helper programs: refused.
// Local repositories (a path or file://) may be used when they lie inside the run's workspace or
// inside a folder listed in RAILYARD_GIT_LOCAL_REMOTES (local mirrors, test fixtures), never
// elsewhere on the worker's disk.
// An http(s) remote's connections are pinned to the addresses the guard checked (git's
// http.curloptResolve, git 2.37 or later): git never resolves the name itself, so a DNS server
// that answers the check with an allowed address and git with another (rebinding) is not asked
// twice. ssh and git:// remotes are resolved again by ssh and git (SECURITY.md, known gaps).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitSettings } from '../../env';
import { checkedAddresses, guardTarget } from '../target-guard';
import { PermanentError } from '../types';
import { assertSafeRepoConfig } from './repo-config-guard';
import { isWithin, realPathLoose } from './repo-path';

const NETWORK_SCHEMES = new Set(['http', 'https', 'ssh', 'git', 'git+ssh', 'ssh+git']);

export type RemotePlace = { label: string; cwd: string; workspace: string };

/** git's own test (url_is_local_not_ssh): a colon before any slash makes "host:path" an ssh remote. */
function scpHost(url: string): string | null {
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon < 0 || (slash >= 0 && slash < colon)) return null;
  const m = /^(?:[^@/]*@)?(\[[^\]]*\]|[^:]*):/.exec(url);
  return m ? m[1] : null;
}

async function guardHost(host: string, label: string): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (!bare) throw new PermanentError(`${label}: the remote names no host`);
  await guardTarget(`https://${bare.includes(':') ? `[${bare}]` : bare}/`, `${label} remote`);
}

/**
 * What the handler must know: a local remote needs LOCAL_UPLOAD_PACK / LOCAL_RECEIVE_PACK, and an
 * http(s) remote's `pins` (git `-c` settings) go on every git command that talks to it.
 */
export type RemoteKind = { local: boolean; pins: string[] };

/** `http.curloptResolve=host:port:addr[,addr]` for an http(s) remote whose name was resolved and checked. */
async function pinHttp(url: string, label: string): Promise<string[]> {
  const parsed = new URL(url);
  // curl reads a leading "-" as "remove this entry" and "+" as a flag, so such a pin would not pin.
  if (/^[-+]/.test(parsed.hostname)) throw new PermanentError(`${label}: the remote's host may not start with "-" or "+"`);
  // A name the guard cannot resolve is refused, not left to git. A worker that reaches its remotes
  // only through a proxy, with no DNS of its own, lists their hosts in RAILYARD_HTTP_ALLOW_HOSTS
  // (allowed by name: no lookup, no pin; the proxy resolves them). Guessing here whether git would
  // use a proxy (curl's lowercase-only http_proxy, no_proxy) would reopen the gap when wrong.
  const addresses = await checkedAddresses(url, `${label} remote`);
  if (!addresses) return []; // an address, or a host allowed by name: nothing git would resolve against our check
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  const host = parsed.hostname.replace(/\.$/, '');
  // curl takes IPv6 addresses in brackets; a host git sees with a trailing dot is the same name.
  const list = addresses.map((a) => (a.includes(':') ? `[${a}]` : a)).join(',');
  return [...new Set([parsed.hostname, host])].map((h) => `http.curloptResolve=${h}:${port}:${list}`);
}

async function guardLocal(path: string, place: RemotePlace): Promise<RemoteKind> {
  const real = await realPathLoose(path);
  const roots = [place.workspace, ...(await Promise.all(gitSettings().localRemotes.map(realPathLoose)))];
  if (!roots.some((root) => isWithin(root, real))) {
    throw new PermanentError(`${place.label}: the local repository ${path} is outside the run's workspace; list its folder in RAILYARD_GIT_LOCAL_REMOTES to allow it`);
  }
  // The other repository's config is read by the upload-pack / receive-pack git starts there.
  if (existsSync(real)) {
    const bare = !existsSync(join(real, '.git'));
    await assertSafeRepoConfig({ cwd: real }, `the local remote ${path}`, bare ? real : undefined);
  }
  return { local: true, pins: [] };
}

/** Throws a PermanentError when git may not use `url` as a remote. */
export async function guardRemote(url: string, place: RemotePlace): Promise<RemoteKind> {
  const helper = /^([A-Za-z][A-Za-z0-9+.-]*)::/.exec(url);
  if (helper) throw new PermanentError(`${place.label}: "${helper[1]}::" remotes run a program and are not allowed`);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1].toLowerCase();
  if (scheme === 'file') {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      throw new PermanentError(`${place.label}: a file:// remote must name a local path: ${url}`);
    }
    return guardLocal(path, place);
  }
  // WHATWG URL parsing reads "\" as "/" and drops tabs and newlines; curl and ssh do not. A remote
  // such as "http://192.0.2.10\@127.0.0.1/x" would be checked as one host and fetched from another.
  // eslint-disable-next-line no-control-regex
  if ((scheme || scpHost(url) !== null) && /[\\\x00-\x20\x7f]/.test(url)) {
    throw new PermanentError(`${place.label}: a network remote's URL may not contain a backslash, a space or a control character`);
  }
  if (scheme === 'http' || scheme === 'https') {
    try {
      new URL(url);
    } catch {
      throw new PermanentError(`${place.label}: invalid remote URL`);
    }
    // The URL parser turns an international name into its xn-- form, which is what was checked and
    // pinned; a curl built without IDN support would look up the raw name instead.
    if (/[^\x21-\x7e]/.test(url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0])) {
      throw new PermanentError(`${place.label}: write the remote's host in ASCII (an international name in its xn-- form)`);
    }
    return { local: false, pins: await pinHttp(url, place.label) };
  }
  if (scheme) {
    if (!NETWORK_SCHEMES.has(scheme)) throw new PermanentError(`${place.label}: only http(s), ssh, git and local remotes are allowed, not ${scheme}://`);
    let host: string;
    try {
      host = new URL(url.replace(/^(git\+ssh|ssh\+git):/i, 'ssh:')).hostname;
    } catch {
      throw new PermanentError(`${place.label}: invalid remote URL`);
    }
    await guardHost(host, place.label);
    return { local: false, pins: [] };
  }
  const host = scpHost(url);
  if (host !== null) {
    await guardHost(host, place.label);
    return { local: false, pins: [] };
  }
  return guardLocal(resolve(place.cwd, url), place);
}
