import { z } from 'zod';

/** Shared by git.clone and git.push: HTTP basic credentials, sent as a header and never stored in .git/config. */
export const gitCredentials = {
  username: z
    .string()
    .min(1)
    .optional()
    .describe('HTTP user name; defaults to "x-access-token" when only a password (token) is given.'),
  password: z
    .string()
    .min(1)
    .optional()
    .describe('HTTP password or access token, typically "{{ secrets.GIT_TOKEN }}". Never logged.'),
};
