import { z } from 'zod';
import { defineAction } from './definition';
import { gitCredentials } from './git-credentials';

export const gitPush = defineAction({
  id: 'git.push',
  title: 'Push branches and tags',
  description:
    'Pushes local branches and tags to a remote, each to the same name. Refs already up to date count as pushed; a rejected (non-fast-forward) push fails without retry.',
  kind: 'work',
  params: z.strictObject({
    repo: z.string().min(1).describe("Repository folder (its top folder): relative to the run's workspace, or an absolute path inside it such as git.clone's `path` output."),
    remote: z.string().min(1).default('origin').describe('Remote name or URL.'),
    refs: z.array(z.string().min(1)).min(1).describe('Branch or tag names (or full refs such as refs/tags/v1.5.0).'),
    ...gitCredentials,
  }),
  outputs: z.object({
    pushed: z.array(z.string()).describe('Full ref names now on the remote, e.g. refs/heads/release/1.5.0.'),
  }),
});
