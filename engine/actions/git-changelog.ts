import { z } from 'zod';
import { defineAction } from './definition';

const commit = z.object({
  sha: z.string(),
  type: z.string().describe('Conventional Commit type (feat, fix, …) or "other".'),
  scope: z.string().nullable(),
  subject: z.string(),
  breaking: z.boolean(),
  tickets: z.array(z.string()),
});

export const gitChangelog = defineAction({
  id: 'git.changelog',
  title: 'Changelog from commits',
  description:
    'Lists the commits between two refs (merges left out), grouped by Conventional Commit type with breaking changes first, rendered as Markdown; also collects ticket keys such as PROJ-123.',
  kind: 'work',
  params: z.strictObject({
    repo: z.string().min(1).describe("Repository folder (its top folder): relative to the run's workspace, or an absolute path inside it such as git.clone's `path` output."),
    from: z
      .string()
      .min(1)
      .optional()
      .describe('Exclusive start; defaults to the latest tag reachable from `to` (other than one on `to` itself), or the first commit.'),
    to: z.string().min(1).default('HEAD').describe('Inclusive end.'),
  }),
  outputs: z.object({
    from: z.string().nullable().describe('The start used; null when the range starts at the first commit.'),
    to: z.string().describe('The end used.'),
    commits: z.array(commit).describe('Commits, newest first.'),
    tickets: z.array(z.string()).describe('Unique ticket keys mentioned in the commits.'),
    markdown: z.string().describe('The changelog as Markdown sections (### Features, …).'),
  }),
});
