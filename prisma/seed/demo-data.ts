// The demo company: four real tools with their usual event types. Secrets here are demo values,
// printed in the README so a newcomer can sign a webhook with curl; change them for real use.
import type { SeedSource } from './helpers';

export const DEMO_SECRET = 'railyard-demo-secret';

export const demoSources: SeedSource[] = [
  { key: 'github', name: 'GitHub', preset: 'github', description: 'Pushes, pull requests, releases and Actions runs from GitHub.', auth: { mode: 'hmac', secret: DEMO_SECRET } },
  { key: 'gitlab', name: 'GitLab', preset: 'gitlab', description: 'Pushes, tags, merge requests and pipelines from GitLab.', auth: { mode: 'gitlab-token', secret: DEMO_SECRET } },
  { key: 'jira', name: 'Jira', preset: 'jira', description: 'Issue changes from Jira; status changes also arrive as issue-transitioned.', auth: { mode: 'token', secret: DEMO_SECRET } },
  { key: 'jenkins', name: 'Jenkins', preset: 'jenkins', description: 'Build notifications from the Jenkins Notification plugin.', auth: { mode: 'token', secret: DEMO_SECRET } },
];

/** [source, type, description, fixture file under tests/fixtures/webhooks (sample payload)] */
export const demoEventTypes: [string, string, string, string?][] = [
  ['github', 'push', 'Commits were pushed to a branch or a tag was created.', 'github/push.json'],
  ['github', 'pull_request.opened', 'A pull request was opened.', 'github/pull_request.opened.json'],
  ['github', 'pull_request.closed', 'A pull request was closed; `pull_request.merged` tells whether it was merged.', 'github/pull_request.closed_merged.json'],
  ['github', 'release.published', 'A release was published.', 'github/release.published.json'],
  ['github', 'workflow_run.completed', 'A GitHub Actions workflow run finished; see `conclusion`.', 'github/workflow_run.completed_success.json'],
  ['github', 'create', 'A branch or tag was created.', 'github/create.tag.json'],
  ['gitlab', 'push', 'Commits were pushed to a branch.', 'gitlab/push_hook.json'],
  ['gitlab', 'tag-push', 'A tag was pushed.', 'gitlab/tag_push_hook.json'],
  ['gitlab', 'merge-request.open', 'A merge request was opened.', 'gitlab/merge_request_hook.json'],
  ['gitlab', 'pipeline', 'A pipeline changed status.', 'gitlab/pipeline_hook.json'],
  ['jira', 'issue-created', 'A Jira issue was created.', 'jira/jira_issue_created.json'],
  ['jira', 'issue-updated', 'A Jira issue changed (any field).', 'jira/jira_issue_updated.status_todo_to_done.json'],
  ['jira', 'issue-transitioned', 'A Jira issue moved to another status (derived from the changelog).', 'jira/jira_issue_updated.status_todo_to_done.json'],
  ['jenkins', 'build-started', 'A Jenkins build started.', 'jenkins/notification.started.json'],
  ['jenkins', 'build-completed', 'A Jenkins build completed; `build.status` is SUCCESS, FAILURE, UNSTABLE…', 'jenkins/notification.completed.json'],
  ['jenkins', 'build-finished', 'A Jenkins build finished (older plugin versions send FINISHED).', 'jenkins/notification.finished_legacy.json'],
];

export const demoWorkflowFiles = [
  'jenkins-build-deploy.yaml',
  'github-push-summary.yaml',
  'github-merged-pr.yaml',
  'jira-transition-notice.yaml',
  'gitlab-pipeline-report.yaml',
];

/** Past deliveries replayed into the intake so a fresh install shows real runs. */
export const demoDeliveries: { source: string; fixture: string; headers: Record<string, string> }[] = [
  { source: 'jenkins', fixture: 'jenkins/notification.started.json', headers: {} },
  { source: 'jenkins', fixture: 'jenkins/notification.completed.json', headers: {} },
  { source: 'github', fixture: 'github/push.json', headers: { 'x-github-event': 'push', 'x-github-delivery': 'demo-push-1' } },
  { source: 'github', fixture: 'github/pull_request.closed_merged.json', headers: { 'x-github-event': 'pull_request', 'x-github-delivery': 'demo-pr-1' } },
  { source: 'jira', fixture: 'jira/jira_issue_updated.status_todo_to_done.json', headers: {} },
  { source: 'gitlab', fixture: 'gitlab/pipeline_hook.json', headers: { 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-event-uuid': 'demo-pipeline-1' } },
];
