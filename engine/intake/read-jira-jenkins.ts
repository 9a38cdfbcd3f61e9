// Readers for Jira and the Jenkins Notification plugin. Neither sends an event-name header;
// the event is a field of the body.
import { fail, headerValue, isRecord, kebab, ok, stringAt, type DeriveResult, type LowerHeaders } from './payload';

/**
 * Jira: `webhookEvent` without its `jira:` prefix, in kebab-case (`jira:issue_updated` →
 * `issue-updated`, `comment_created` → `comment-created`). Jira has no "transitioned" webhook: a
 * status change arrives as an issue update whose changelog has a `status` item. Workflows care
 * about transitions far more than about edits, so such a delivery yields a second type,
 * `issue-transitioned`, after the primary one (the intake stores one event per type; see
 * delivery.ts for how their delivery ids stay distinct).
 * Delivery id: `X-Atlassian-Webhook-Identifier` (Jira Cloud; stable across retries), else null.
 */
export function readJira(headers: LowerHeaders, payload: unknown): DeriveResult {
  if (!isRecord(payload)) return fail('jira payload must be a JSON object');
  const event = stringAt(payload, 'webhookEvent');
  if (event === null) return fail('jira payload is missing webhookEvent');
  const primary = kebab(event.replace(/^jira:/i, ''));
  const types = [primary];
  if (primary !== 'issue-transitioned' && changesStatus(payload)) types.push('issue-transitioned');
  return ok(types, headerValue(headers, 'x-atlassian-webhook-identifier'));
}

function changesStatus(payload: Record<string, unknown>): boolean {
  const changelog = payload.changelog;
  if (!isRecord(changelog) || !Array.isArray(changelog.items)) return false;
  // Jira Server sends only `field`; Cloud adds `fieldId`. Either naming the status field counts.
  return changelog.items.some((item) => isRecord(item) && (item.field === 'status' || item.fieldId === 'status'));
}

/**
 * Jenkins (Notification plugin): `build-` + the lower-cased `build.phase`: `STARTED` →
 * `build-started`, `COMPLETED` → `build-completed`, `FINALIZED` → `build-finalized`, and the legacy
 * `FINISHED` (old plugin versions) → `build-finished`. The outcome (`build.status`) stays in the
 * payload for filters rather than multiplying types. The plugin sends no delivery id.
 */
export function readJenkins(_headers: LowerHeaders, payload: unknown): DeriveResult {
  if (!isRecord(payload)) return fail('jenkins payload must be a JSON object');
  const phase = stringAt(payload, 'build', 'phase');
  if (phase === null) return fail('jenkins payload is missing build.phase (Notification plugin format)');
  return ok([`build-${kebab(phase)}`], null);
}
