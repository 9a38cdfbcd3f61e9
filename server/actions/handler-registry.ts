import type { ActionId } from '@/engine/actions/catalog';
import type { ActionHandler } from './types';
import { approvalRequestHandler } from './handlers/approval-request';
import { delayHandler } from './handlers/delay';
import { eventEmitHandler } from './handlers/event-emit';
import { eventWaitHandler } from './handlers/event-wait';
import { gitChangelogHandler } from './handlers/git-changelog';
import { gitCloneHandler } from './handlers/git-clone';
import { gitCommitFileHandler } from './handlers/git-commit-file';
import { gitCreateBranchHandler } from './handlers/git-create-branch';
import { gitPushHandler } from './handlers/git-push';
import { gitTagHandler } from './handlers/git-tag';
import { shellRunHandler } from './handlers/shell-run';
import { versionNextHandler } from './handlers/version-next';
import { httpRequestHandler } from './handlers/http-request';
import { jenkinsBuildHandler } from './handlers/jenkins-build';
import { jiraAddWatchersHandler } from './handlers/jira-add-watchers';
import { jiraCommentHandler } from './handlers/jira-comment';
import { jiraTransitionHandler } from './handlers/jira-transition';
import { notifyChatHandler } from './handlers/notify-chat';
import { notifyEmailHandler } from './handlers/notify-email';
import { logHandler } from './handlers/log';
import { varsSetHandler } from './handlers/vars-set';

/** Every catalogued action has exactly one handler; a missing one is a compile error. */
export const actionHandlers = {
  log: logHandler,
  'event.wait': eventWaitHandler,
  'event.emit': eventEmitHandler,
  'approval.request': approvalRequestHandler,
  'vars.set': varsSetHandler,
  'http.request': httpRequestHandler,
  'notify.chat': notifyChatHandler,
  'notify.email': notifyEmailHandler,
  'jenkins.build': jenkinsBuildHandler,
  'jira.comment': jiraCommentHandler,
  'jira.transition': jiraTransitionHandler,
  'jira.add-watchers': jiraAddWatchersHandler,
  delay: delayHandler,
  'shell.run': shellRunHandler,
  'git.clone': gitCloneHandler,
  'git.create-branch': gitCreateBranchHandler,
  'git.commit-file': gitCommitFileHandler,
  'git.tag': gitTagHandler,
  'git.push': gitPushHandler,
  'git.changelog': gitChangelogHandler,
  'version.next': versionNextHandler,
} satisfies Record<ActionId, ActionHandler<never>>;

export function handlerFor(id: string): ActionHandler<unknown> | undefined {
  return (actionHandlers as Record<string, ActionHandler<never>>)[id] as ActionHandler<unknown> | undefined;
}
