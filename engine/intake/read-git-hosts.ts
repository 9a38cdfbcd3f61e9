// Readers for the two git hosts. Both name the event outside the "what happened" detail, and
// both carry a sub-action for some events; we fold the action into the type (`<event>.<action>`)
// so a workflow can trigger on "PR merged-or-closed" without a filter expression.
import { fail, headerValue, isRecord, kebab, ok, stringAt, type DeriveResult, type LowerHeaders } from './payload';

/**
 * GitHub: the event name lives only in the `X-GitHub-Event` header (the body has no kind field),
 * so the header is required. The name is kept in GitHub's own snake_case (`pull_request`,
 * `workflow_run`) because that is what GitHub's docs and every GitHub user call it.
 */
export function readGithub(headers: LowerHeaders, payload: unknown): DeriveResult {
  const event = headerValue(headers, 'x-github-event');
  if (event === null) return fail('missing X-GitHub-Event header: GitHub sends the event name there');
  if (!isRecord(payload)) return fail('github payload must be a JSON object');
  const name = event.toLowerCase();
  const action = stringAt(payload, 'action');
  return ok([action === null ? name : `${name}.${action.toLowerCase()}`], headerValue(headers, 'x-github-delivery'));
}

// GitLab's own words for a few kinds differ from what its UI calls them: a "Job Hook" body says
// `object_kind: build`, and confidential issues/notes are the same shapes as public ones.
const GITLAB_KIND_ALIASES: Record<string, string> = {
  build: 'job',
  'confidential-issue': 'issue',
  'confidential-note': 'note',
};

/**
 * GitLab: the body names its kind (`object_kind`; system hooks use `event_name`), so the body wins
 * and the `X-Gitlab-Event` header (`Merge Request Hook`) is only a fallback. Kinds are normalised
 * to kebab-case. When the body carries an action (`object_attributes.action` for merge requests,
 * issues, work items, wiki pages; top-level `action` for releases), it is appended like GitHub's.
 */
export function readGitlab(headers: LowerHeaders, payload: unknown): DeriveResult {
  if (!isRecord(payload)) return fail('gitlab payload must be a JSON object');
  const fromBody = stringAt(payload, 'object_kind') ?? stringAt(payload, 'event_name');
  const fromHeader = headerValue(headers, 'x-gitlab-event')?.replace(/\s+hook$/i, '') ?? null;
  const raw = fromBody ?? fromHeader;
  if (raw === null || raw === '') {
    return fail('gitlab payload has no object_kind (or event_name) and the X-Gitlab-Event header is missing');
  }
  const kind = kebab(raw);
  const name = GITLAB_KIND_ALIASES[kind] ?? kind;
  const action = stringAt(payload, 'object_attributes', 'action') ?? stringAt(payload, 'action');
  return ok([action === null ? name : `${name}.${kebab(action)}`], headerValue(headers, 'x-gitlab-event-uuid'));
}
