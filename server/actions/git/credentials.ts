// HTTP credentials for clone and push. They go into an `http.<origin>.extraHeader` set through
// GIT_CONFIG_* environment variables: not on the command line (visible in `ps`), not in the remote
// URL (stored in .git/config and echoed in git's messages), and scoped to the repository's origin so
// a redirect or submodule on another host never receives the token.
import { PermanentError } from '../types';

export type Credentials = { username?: string; password?: string };
export type CredentialEnv = { env: Record<string, string>; secrets: string[] };

// GitHub accepts any user name with a token; GitLab and Bitbucket accept their own or this one.
const DEFAULT_USER = 'x-access-token';

export function credentialEnv(url: string, creds: Credentials): CredentialEnv {
  if (!creds.password) {
    if (creds.username) throw new PermanentError('username was given without a password');
    return { env: {}, secrets: [] };
  }
  let origin: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error();
    origin = `${parsed.origin}/`;
  } catch {
    throw new PermanentError('username/password work only with http(s) repository URLs');
  }
  const basic = Buffer.from(`${creds.username ?? DEFAULT_USER}:${creds.password}`).toString('base64');
  return {
    env: {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `http.${origin}.extraHeader`,
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    },
    secrets: [creds.password, basic],
  };
}
