import { z } from 'zod';
import { defineAction } from './definition';

export const versionNext = defineAction({
  id: 'version.next',
  title: 'Next version',
  description:
    "Computes the next semantic version from the repository's highest semver tag (non-semver tags are ignored). Reads only; tag it with git.tag.",
  kind: 'work',
  params: z.strictObject({
    repo: z.string().min(1).describe("Repository folder (its top folder): relative to the run's workspace, or an absolute path inside it such as git.clone's `path` output."),
    bump: z.enum(['major', 'minor', 'patch']).describe('Which part to increase.'),
    prefix: z
      .string()
      .optional()
      .describe('Tag prefix, e.g. "v" or "api-v"; only tags with it count. Default: "v" unless the latest tag is a bare version.'),
    snapshot: z.boolean().default(false).describe('Append -SNAPSHOT+<short commit> for a pre-release build.'),
  }),
  outputs: z.object({
    version: z.string().describe('The next version, e.g. 1.5.0 or 1.5.0-SNAPSHOT+abc1234.'),
    previous: z.string().nullable().describe('The highest existing version, or null when there is none.'),
    tag: z.string().describe('The tag name for the version (prefix + version).'),
  }),
});
