import { z } from 'zod';
import { defineAction } from './definition';
import { hasJiraCredentials, jiraConnectionFields, jiraCredentialsMessage } from './jira-connection';

/** Adds people as watchers of a Jira issue (e.g. a release ticket's feature owners). */
export const jiraAddWatchers = defineAction({
  id: 'jira.add-watchers',
  title: 'Jira add watchers',
  description:
    'Adds people as watchers of a Jira issue, so they are notified of its changes. Reads the watcher list first and ' +
    'adds only the missing ones, so a step that runs again adds nobody twice. Duplicates and empty names are ignored.',
  kind: 'work',
  params: z
    .strictObject({
      ...jiraConnectionFields,
      watchers: z
        .array(z.string().max(200))
        .max(100)
        .describe('Jira Server user names or Jira Cloud account ids, e.g. {{ [event.payload.train.features.owner] }}.'),
    })
    .refine(hasJiraCredentials, jiraCredentialsMessage),
  outputs: z.object({
    added: z.array(z.string()).describe('Watchers this step added.'),
    already: z.array(z.string()).describe('Watchers the issue had already.'),
    watchCount: z.number().describe('How many watchers the issue has now.'),
  }),
});
