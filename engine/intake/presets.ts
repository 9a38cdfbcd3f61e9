// A preset knows how to read one system's native webhook: which event type(s) a delivery is, and
// which header holds its delivery id. Signature checking lives in the server (it needs the raw
// body and the secret); this module only interprets what has already been accepted.
//
// | preset  | type(s)                                                                   | delivery id                      |
// |---------|---------------------------------------------------------------------------|----------------------------------|
// | generic | none derived: `types: []`, the type comes from the URL                    | `Idempotency-Key`                |
// | github  | `X-GitHub-Event` (required) + `.<payload.action>` when a string action    | `X-GitHub-Delivery`              |
// |         |   push → `push`, create → `create`, ping → `ping`,                        |                                  |
// |         |   pull_request+closed → `pull_request.closed`, release → `release.published` |                               |
// | gitlab  | `object_kind` (else `event_name`, else `X-Gitlab-Event` minus " Hook"),   | `X-Gitlab-Event-UUID`            |
// |         |   kebab-case: push, tag-push, merge-request, pipeline, note, issue,       |                                  |
// |         |   build → job, wiki-page, deployment, release, feature-flag;              |                                  |
// |         |   + `.<object_attributes.action>` (or top-level `action`) when present:   |                                  |
// |         |   `merge-request.open`, `issue.close`, `release.create`; pipeline has none |                                 |
// | jira    | `webhookEvent` minus `jira:`, kebab-case: `issue-updated`, `issue-created`, | `X-Atlassian-Webhook-Identifier` |
// |         |   `comment-created`; a changelog item on `status` ADDS `issue-transitioned` | (Cloud only), else null        |
// |         |   as a second type: `['issue-updated', 'issue-transitioned']`             |                                  |
// | jenkins | `build-` + lower-cased `build.phase` (required): build-started,           | none → null                      |
// |         |   build-completed, build-finalized, legacy FINISHED → build-finished      |                                  |
// | bitbucket | `X-Event-Key` (required), lower-cased, colon kept: `repo:push`,         | `X-Request-UUID`                 |
// |         |   `pullrequest:created`, `pullrequest:fulfilled` (merged), `:rejected`    |                                  |
//
// Several types: the first is the primary; the intake stores one event per type (see delivery.ts).
// For every preset the caller falls back to the generic `Idempotency-Key` header when the native
// delivery id is null (resolveDeliveryId in delivery.ts). docs/webhooks.md carries the same table.
import type { Preset } from '../dto/registry';
import { fail, ok, headerValue, type DeriveResult, type LowerHeaders } from './payload';
import { readBitbucket } from './read-bitbucket';
import { readGithub, readGitlab } from './read-git-hosts';
import { readJenkins, readJira } from './read-jira-jenkins';

export type { Preset } from '../dto/registry';
export type { DeriveResult } from './payload';
export { PRESET_INFO, presetSignatureHeader, type AuthHeader, type PresetInfo } from './preset-info';

/**
 * Reads the event type(s) and native delivery id of one delivery. `headers` must have lower-cased
 * names (normalizeHeaders). Never throws: a delivery the preset cannot read yields `ok: false` with
 * a message naming the missing header or field, for a 4xx answer.
 */
export function derivePresetEvent(preset: Preset, headers: LowerHeaders, payload: unknown): DeriveResult {
  switch (preset) {
    case 'generic':
      return ok([], headerValue(headers, 'idempotency-key'));
    case 'github':
      return readGithub(headers, payload);
    case 'gitlab':
      return readGitlab(headers, payload);
    case 'jira':
      return readJira(headers, payload);
    case 'jenkins':
      return readJenkins(headers, payload);
    case 'bitbucket':
      return readBitbucket(headers, payload);
    default:
      return unknownPreset(preset);
  }
}

// Exhaustiveness guard: adding a preset to PRESETS without a reader fails to compile here, and a
// bad value from an untyped caller still gets an error instead of a crash.
function unknownPreset(preset: never): DeriveResult {
  return fail(`unknown preset "${String(preset)}"`);
}
