import { z } from 'zod';
import { defineAction } from './definition';
import { hasJiraCredentials, jiraConnectionFields, jiraCredentialsMessage } from './jira-connection';

/** Adds a comment to a Jira issue, once per step attempt. */
export const jiraComment = defineAction({
  id: 'jira.comment',
  title: 'Jira comment',
  description:
    'Adds a comment to a Jira issue. The comment ends with a small [railyard:<key>] marker line; an attempt that runs ' +
    'again finds its marker and reuses that comment instead of posting a second one.',
  kind: 'work',
  params: z
    .strictObject({
      ...jiraConnectionFields,
      body: z.string().min(1).describe('Comment text (Jira wiki markup).'),
    })
    .refine(hasJiraCredentials, jiraCredentialsMessage),
  outputs: z.object({
    id: z.string().describe('Comment id.'),
    self: z.string().describe('REST URL of the comment.'),
    existing: z.boolean().describe('True when an earlier run of this attempt had already posted it.'),
  }),
});
