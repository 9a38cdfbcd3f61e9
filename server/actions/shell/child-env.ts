// The environment a workflow command sees. Deliberately not the worker's own: that holds
// DATABASE_URL, REDIS_URL and other secrets a build script has no business reading.
import { hostEnv } from '../../env';

export const PASSED_THROUGH = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'TERM'];

export function childEnv(extra: Record<string, string> | undefined, railyard: Record<string, string>): NodeJS.ProcessEnv {
  // Next's type augmentation makes NODE_ENV required on ProcessEnv; a child needs none of it.
  return { ...hostEnv(PASSED_THROUGH), CI: 'true', ...railyard, ...extra } as unknown as NodeJS.ProcessEnv;
}
