// What the registry UI and the docs say about each preset: how its type and delivery id are read
// and which header carries its credential. Kept apart from the readers so the browser can import
// it without pulling in parsing code, and so the UI text and docs cannot drift from one table.
import type { AuthMode, Preset } from '../dto/registry';

export type PresetInfo = {
  title: string;
  description: string;
  /** How the event type is derived, in one line. */
  typeRule: string;
  /** The native header holding the delivery id, or null when the system sends none. */
  deliveryHeader: string | null;
  /** Auth modes this system can actually produce; the first is the recommended one. */
  authModes: readonly AuthMode[];
};

export const PRESET_INFO: Record<Preset, PresetInfo> = {
  generic: {
    title: 'Generic',
    description: 'Scripts, the CLI and any tool that can make an HTTP request. The type is part of the URL.',
    typeRule: 'The type is taken from the URL (POST /api/events/<source>/<type>); the body is not inspected.',
    deliveryHeader: 'Idempotency-Key',
    authModes: ['token', 'hmac'],
  },
  github: {
    title: 'GitHub',
    description: 'Repository and organisation webhooks from GitHub or GitHub Enterprise.',
    typeRule: 'X-GitHub-Event header, plus "." + payload.action when present (pull_request.closed, push).',
    deliveryHeader: 'X-GitHub-Delivery',
    authModes: ['hmac'],
  },
  gitlab: {
    title: 'GitLab',
    description: 'Project and group webhooks from GitLab.',
    typeRule:
      'payload.object_kind in kebab-case (build → job), else the X-Gitlab-Event header without " Hook"; ' +
      'plus "." + object_attributes.action when present (merge-request.open, pipeline).',
    deliveryHeader: 'X-Gitlab-Event-UUID',
    authModes: ['gitlab-token'],
  },
  jira: {
    title: 'Jira',
    description: 'Jira Cloud or Data Center admin webhooks, or Automation "Send web request".',
    typeRule:
      'payload.webhookEvent without "jira:" in kebab-case (issue-updated); a status change in the changelog ' +
      'adds a second type, issue-transitioned.',
    deliveryHeader: 'X-Atlassian-Webhook-Identifier',
    authModes: ['hmac', 'token'],
  },
  jenkins: {
    title: 'Jenkins',
    description: 'Jenkins Notification plugin (JSON over HTTP).',
    typeRule: '"build-" + lower-cased build.phase (build-started, build-completed, build-finalized, build-finished).',
    deliveryHeader: null,
    authModes: ['token'],
  },
  bitbucket: {
    title: 'Bitbucket Cloud',
    description: 'Repository and workspace webhooks from Bitbucket Cloud (bitbucket.org).',
    typeRule: 'X-Event-Key header as Bitbucket names it, colon included (repo:push, pullrequest:created, pullrequest:fulfilled).',
    deliveryHeader: 'X-Request-UUID',
    // Bitbucket signs when the webhook has a secret; without one it can only carry ?token= in its URL.
    authModes: ['hmac', 'token'],
  },
};

export type AuthHeader = { header: string; format: string };

// Where each mode's credential travels. HMAC is always SHA-256 over the raw body, hex-encoded,
// prefixed `sha256=`: GitHub's format, which Jira admin webhooks and Bitbucket Cloud also use (in X-Hub-Signature),
// and which the generic preset adopts so existing signing code can be reused.
const AUTH_HEADERS: Record<Preset, Partial<Record<AuthMode, AuthHeader>>> = {
  generic: {
    token: { header: 'Authorization', format: 'Bearer <token>' },
    hmac: { header: 'X-Hub-Signature-256', format: 'sha256=<hex HMAC-SHA256 of the raw body>' },
  },
  github: { hmac: { header: 'X-Hub-Signature-256', format: 'sha256=<hex HMAC-SHA256 of the raw body>' } },
  gitlab: { 'gitlab-token': { header: 'X-Gitlab-Token', format: '<secret token>' } },
  jira: {
    hmac: { header: 'X-Hub-Signature', format: 'sha256=<hex HMAC-SHA256 of the raw body>' },
    token: { header: 'Authorization', format: 'Bearer <token>' },
  },
  jenkins: { token: { header: 'Authorization', format: 'Bearer <token>' } },
  bitbucket: {
    hmac: { header: 'X-Hub-Signature', format: 'sha256=<hex HMAC-SHA256 of the raw body>' },
    token: { header: 'Authorization', format: 'Bearer <token> (or ?token=<token> in the webhook URL)' },
  },
};

/**
 * The header that carries the credential for a preset in an auth mode (its recommended mode when
 * none is given), or null when that system cannot send that kind of credential.
 */
export function presetSignatureHeader(preset: Preset, mode: AuthMode = PRESET_INFO[preset].authModes[0]): AuthHeader | null {
  return AUTH_HEADERS[preset][mode] ?? null;
}
