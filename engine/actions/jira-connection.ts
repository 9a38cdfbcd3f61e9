// Fields shared by the jira.* actions: where Jira is and how to sign in. Jira Cloud uses an
// account e-mail and API token; Jira Server/Data Center a username and password (or token).
import { z } from 'zod';

export const jiraConnectionFields = {
  baseUrl: z.url({ protocol: /^https?$/ }).describe('Jira root URL, e.g. https://acme.atlassian.net.'),
  issue: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'an issue key such as REL-42')
    .describe('Issue key, e.g. REL-42 or {{ event.payload.issue.key }}.'),
  email: z.string().min(1).optional().describe('Jira Cloud account e-mail (or use username).'),
  username: z.string().min(1).optional().describe('Jira Server / Data Center user name (or use email).'),
  apiToken: z.string().min(1).optional().describe('Jira Cloud API token, typically {{ secrets.JIRA_TOKEN }}; never logged.'),
  password: z.string().min(1).optional().describe('Jira Server password or personal token (or use apiToken); never logged.'),
};

/** Exactly one sign-in name and one secret: `email|username` and `apiToken|password`. */
export function hasJiraCredentials(p: { email?: string; username?: string; apiToken?: string; password?: string }): boolean {
  return (p.email === undefined) !== (p.username === undefined) && (p.apiToken === undefined) !== (p.password === undefined);
}

export const jiraCredentialsMessage = 'give exactly one of email/username and exactly one of apiToken/password';
