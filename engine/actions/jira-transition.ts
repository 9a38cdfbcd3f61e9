import { z } from 'zod';
import { defineAction } from './definition';
import { hasJiraCredentials, jiraConnectionFields, jiraCredentialsMessage } from './jira-connection';

/** Moves a Jira issue through its workflow. */
export const jiraTransition = defineAction({
  id: 'jira.transition',
  title: 'Jira transition',
  description:
    'Moves a Jira issue by transition name or target status (case-insensitive). An issue already in the target ' +
    'status succeeds with changed=false, so name the status (not the transition) for a step that may run twice.',
  kind: 'work',
  params: z
    .strictObject({
      ...jiraConnectionFields,
      to: z.string().min(1).describe('Transition name ("Start Progress") or target status name ("In Progress").'),
      comment: z.string().min(1).optional().describe('Comment to add alongside the transition (added once).'),
    })
    .refine(hasJiraCredentials, jiraCredentialsMessage),
  outputs: z.object({
    transitionId: z.string().nullable().describe('Id of the transition performed; null when nothing changed.'),
    from: z.string().describe('Status before.'),
    to: z.string().describe('Status after.'),
    changed: z.boolean().describe('False when the issue was already in the target status.'),
  }),
});
