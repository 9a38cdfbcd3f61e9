import { z } from 'zod';
import { defineAction } from './definition';

export const gitCreateBranch = defineAction({
  id: 'git.create-branch',
  title: 'Create a branch',
  description:
    'Creates a local branch at a commit (it does not check it out). Succeeds without change when the branch already points there; fails when it points elsewhere.',
  kind: 'work',
  params: z.strictObject({
    repo: z.string().min(1).describe("Repository folder (its top folder): relative to the run's workspace, or an absolute path inside it such as git.clone's `path` output."),
    name: z.string().min(1).describe('Branch name, e.g. "release/{{ steps.version.outputs.version }}".'),
    from: z.string().min(1).default('HEAD').describe('Ref to branch from; a name only on the remote (origin/<name>) works too.'),
  }),
  outputs: z.object({
    branch: z.string().describe('The branch name.'),
    sha: z.string().describe('Commit the branch points to.'),
  }),
});
