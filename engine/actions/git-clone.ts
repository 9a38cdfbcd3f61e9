import { z } from 'zod';
import { defineAction } from './definition';
import { gitCredentials } from './git-credentials';

/** Gets a repository into the run's workspace, where later git.* and shell.run steps find it. */
export const gitClone = defineAction({
  id: 'git.clone',
  title: 'Clone a repository',
  description:
    "Clones a repository into the run's workspace and checks out `ref`. If the folder already holds a clone of the same URL (a repeated step), it is fetched and reset to `ref` instead.",
  kind: 'work',
  params: z.strictObject({
    url: z.string().min(1).describe('Repository URL (https://, ssh://, git://, git@host:path), checked like http.request targets, or a local repository inside the workspace or RAILYARD_GIT_LOCAL_REMOTES.'),
    dir: z.string().min(1).optional().describe('Folder in the workspace to clone into; defaults to the repository name.'),
    ref: z.string().min(1).optional().describe("Branch, tag or commit to check out; defaults to the remote's default branch."),
    depth: z.int().min(1).optional().describe('Shallow clone with this many commits of history.'),
    ...gitCredentials,
  }),
  outputs: z.object({
    path: z.string().describe('Absolute path of the clone; pass it as `repo` to later git steps.'),
    head: z.string().describe('Commit checked out (full sha).'),
  }),
});
