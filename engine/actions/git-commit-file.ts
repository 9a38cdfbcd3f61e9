import { z } from 'zod';
import { defineAction } from './definition';

export const gitCommitFile = defineAction({
  id: 'git.commit-file',
  title: 'Commit a file',
  description:
    'Writes one file and commits it, e.g. a CHANGELOG or a version file. When the content is already committed, no commit is made (changed: false), so repeating the step is harmless.',
  kind: 'work',
  params: z.strictObject({
    repo: z.string().min(1).describe("Repository folder (its top folder): relative to the run's workspace, or an absolute path inside it such as git.clone's `path` output."),
    path: z.string().min(1).describe('File path inside the repository; may not leave it, pass through a symlink or name .git.'),
    content: z.string().describe('Full new content of the file.'),
    message: z.string().min(1).describe('Commit message.'),
    author: z
      .strictObject({ name: z.string().min(1), email: z.string().min(3) })
      .optional()
      .describe('Commit author; defaults to the Railyard bot, which is always the committer.'),
    branch: z.string().min(1).optional().describe('Branch to commit on (checked out first; created from HEAD if missing).'),
  }),
  outputs: z.object({
    sha: z.string().describe('HEAD after the step: the new commit, or the existing one when nothing changed.'),
    changed: z.boolean().describe('Whether a commit was made.'),
  }),
});
