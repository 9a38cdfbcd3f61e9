// The built-in actions. Validation takes a catalog argument (see ActionLookup) so plugins can add
// actions without editing this file; this record is only the default.
import { z } from 'zod';
import type { ActionDefinition } from './definition';
import { approvalRequest } from './approval-request';
import { delay } from './delay';
import { eventEmit } from './event-emit';
import { eventWait } from './event-wait';
import { gitChangelog } from './git-changelog';
import { gitClone } from './git-clone';
import { gitCommitFile } from './git-commit-file';
import { gitCreateBranch } from './git-create-branch';
import { gitPush } from './git-push';
import { gitTag } from './git-tag';
import { shellRun } from './shell-run';
import { versionNext } from './version-next';
import { httpRequest } from './http-request';
import { jenkinsBuild } from './jenkins-build';
import { jiraAddWatchers } from './jira-add-watchers';
import { jiraComment } from './jira-comment';
import { jiraTransition } from './jira-transition';
import { notifyChat } from './notify-chat';
import { notifyEmail } from './notify-email';
import { log } from './log';
import { varsSet } from './vars-set';

export const actionCatalog = {
  log,
  'event.wait': eventWait,
  'event.emit': eventEmit,
  'approval.request': approvalRequest,
  'vars.set': varsSet,
  'http.request': httpRequest,
  'notify.chat': notifyChat,
  'notify.email': notifyEmail,
  'jenkins.build': jenkinsBuild,
  'jira.comment': jiraComment,
  'jira.transition': jiraTransition,
  'jira.add-watchers': jiraAddWatchers,
  delay,
  'shell.run': shellRun,
  'git.clone': gitClone,
  'git.create-branch': gitCreateBranch,
  'git.commit-file': gitCommitFile,
  'git.tag': gitTag,
  'git.push': gitPush,
  'git.changelog': gitChangelog,
  'version.next': versionNext,
} satisfies Record<string, ActionDefinition>;

export type ActionId = keyof typeof actionCatalog;

export function getAction(id: string): ActionDefinition | undefined {
  return Object.hasOwn(actionCatalog, id) ? actionCatalog[id as ActionId] : undefined;
}

// Plain JSON Schema (draft 2020-12) objects, safe to send to the browser.
export type JsonSchema = z.core.JSONSchema.JSONSchema;

export interface ActionDescription {
  id: string;
  title: string;
  description: string;
  kind: 'meta' | 'work';
  params: JsonSchema;
  outputs: JsonSchema;
}

/**
 * Plain JSON for the editor's parameter forms and the generated docs. Params are described as
 * *input* (fields with defaults are optional, as a workflow author sees them); outputs as *output*
 * (what a later step can read).
 */
export function describeAction(def: ActionDefinition): ActionDescription {
  return {
    id: def.id,
    title: def.title,
    description: def.description,
    kind: def.kind,
    params: z.toJSONSchema(def.params, { io: 'input' }),
    outputs: z.toJSONSchema(def.outputs, { io: 'output' }),
  };
}
