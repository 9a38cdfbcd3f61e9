import { z } from 'zod';
import { defineAction } from './definition';

export const gitTag = defineAction({
  id: 'git.tag',
  title: 'Tag a commit',
  description:
    'Creates a tag (annotated when a message is given). Succeeds without change when the tag already points at the commit; fails when it points elsewhere.',
  kind: 'work',
  params: z.strictObject({
    repo: z.string().min(1).describe("Repository folder (its top folder): relative to the run's workspace, or an absolute path inside it such as git.clone's `path` output."),
    tag: z.string().min(1).describe('Tag name, e.g. "{{ steps.version.outputs.tag }}".'),
    ref: z.string().min(1).default('HEAD').describe('Commit, branch or tag to tag.'),
    message: z.string().min(1).optional().describe('Annotation message; makes an annotated tag.'),
  }),
  outputs: z.object({
    tag: z.string().describe('The tag name.'),
    sha: z.string().describe('Commit the tag points to.'),
  }),
});
