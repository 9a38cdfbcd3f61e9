// What every git command of a git.* step runs with, so that nothing a workflow author or a
// repository controls can make git start a program. Three layers:
// 1. Config Railyard controls: no system or user config (GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL =
//    /dev/null, or the operator's RAILYARD_GIT_CONFIG file), so a worker's ~/.gitconfig is not the
//    product's behaviour.
// 2. Command-line overrides (`-c`, which beat every config file, and are passed on to the git
//    children such as upload-pack and receive-pack) for each setting that names a program:
//    the keys simple-git's block-unsafe-operations plugin refuses from callers (@simple-git/argv-parser).
// 3. The repository's own config is read before use and refused when it names programs that no
//    single override can neutralise (filter.<x>.*, diff.<x>.textconv, …): see repo-config-guard.ts.
import { dirname } from 'node:path';
import { gitSettings } from '../../env';

/** Global options placed before every git sub-command. */
export const HARDENED_ARGS: readonly string[] = [
  '--no-pager',
  '--literal-pathspecs', // a file named ":(top)x" is a file, not pathspec magic
  ...[
    'core.fsmonitor=false', // a path here is executed by status, add, commit, checkout
    'core.hooksPath=/dev/null', // no hook runs: not the repository's, not a local remote's receive hooks
    'core.sshCommand=ssh -o BatchMode=yes', // and never a password prompt
    'core.pager=cat',
    'core.editor=:', // ":" is git's "no editor"
    'sequence.editor=:',
    'core.askPass=',
    'credential.helper=', // an empty value clears every helper configured before it: credentials come only from step params
    'diff.external=',
    'init.templateDir=', // no template hooks or config copied into new clones
    'safe.bareRepository=explicit', // a bare repository committed inside a tree is never picked up as a repository
    'core.protectNTFS=true', // refuse to check out ".git." / "git~1" and HFS look-alikes on any OS
    'core.protectHFS=true',
    'protocol.ext.allow=never',
    'http.followRedirects=false', // a redirect would skip the SSRF check of the remote's host
    'http.lowSpeedLimit=1000', // a remote that sends < 1 kB/s for a minute is hung: fail, do not wait
    'http.lowSpeedTime=60',
    'commit.gpgSign=false', // signing would start gpg.program; a worker has no key anyway
    'tag.gpgSign=false',
    'tag.forceSignAnnotated=false',
    'push.gpgSign=false',
    'log.showSignature=false',
    'submodule.recurse=false',
    'fetch.recurseSubmodules=false',
  ].flatMap((kv) => ['-c', kv]),
];

// For a local remote git starts upload-pack / receive-pack itself, in the other repository, and
// clears GIT_CONFIG_PARAMETERS for it, so the overrides above do not reach it: without these, a
// bare repository inside the workspace (one committed as plain files in a cloned tree, say) would
// run its own hooks on push. The handlers pass these commands for local remotes only.
const SERVER_SIDE = '-c core.hooksPath=/dev/null -c core.fsmonitor=false -c receive.denyCurrentBranch=refuse';
export const LOCAL_UPLOAD_PACK = `--upload-pack=git ${SERVER_SIDE} upload-pack`;
export const LOCAL_RECEIVE_PACK = `--receive-pack=git ${SERVER_SIDE} receive-pack`;

/** Proxy and CA settings an operator may need for remotes; nothing else of the worker's env. */
export const NETWORK_ENV = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];

/** Environment for one git command; `workspace` (a real path) stops repository discovery at it. */
export function hardenedEnv(workspace?: string): Record<string, string> {
  const { configFile } = gitSettings();
  return {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: configFile ?? '/dev/null',
    // Transports git may use: "ext::" and other remote helpers run programs, so they are not listed.
    GIT_ALLOW_PROTOCOL: 'http:https:ssh:git:file',
    GIT_TERMINAL_PROMPT: '0', // fail instead of waiting for a password on a terminal nobody watches
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_EDITOR: ':',
    GIT_SEQUENCE_EDITOR: ':',
    GIT_PAGER: 'cat',
    GIT_PROXY_COMMAND: '', // beats core.gitProxy, which -c cannot (git takes its first match)
    GIT_LITERAL_PATHSPECS: '1',
    LC_ALL: 'C', // stable English messages, which some checks read
    // git never looks above the workspace for a repository (parents of it are ceilings).
    ...(workspace ? { GIT_CEILING_DIRECTORIES: dirname(workspace) } : {}),
  };
}
