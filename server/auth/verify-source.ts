// Authenticates a delivery against its source. Token-like secrets are compared by hash; HMAC
// signatures are recomputed over the raw body. All comparisons are constant-time. During a
// rotation's grace period (Source.prevValidUntil) the previous secret is accepted as well.
import type { Source } from '../db/generated/client';
import { decrypt, hmacSha256Hex, safeEqual, sha256 } from '../crypto';
import { AppError, unauthorized } from '../errors';
import { can, PERMISSIONS } from '@/engine/auth/roles';
import { presetSignatureHeader } from '@/engine/intake/preset-info';
import type { Preset } from '@/engine/dto/registry';
import { bearerToken, principalFromToken, type Principal } from './principal';

type Delivery = {
  headers: Record<string, string>;
  rawBody: Buffer;
  queryToken: string | null;
  /** The caller as a person or API token, resolved only when the source credential is absent. */
  actor?: () => Promise<Principal | null>;
};

/**
 * Resolves when the delivery may be accepted: null when it carries the source's own credential
 * (a webhook: nobody in particular sent it), or the person or token that sent it through the API,
 * so the event records its sender (Event.sentBy) and approvals can refuse self-approval.
 */
export async function verifyDelivery(source: Source, d: Delivery): Promise<Principal | null> {
  const bearer = bearerToken(d.headers);
  const problem = checkSourceCredential(source, d, bearer);
  if (problem === null) return null;
  // Editors and admins may post to any source with a personal token or their session (the Send
  // page, the CLI). Checked second, so the common case (the source's own credential) costs no lookup.
  const actor = await (d.actor ? d.actor() : bearer ? principalFromToken(bearer) : Promise.resolve(null)).catch(() => null);
  if (actor && can(actor.role, 'events.send')) return actor;
  // A known person whose role may not send events is forbidden, not unauthenticated.
  if (actor) throw new AppError('forbidden', `your role (${actor.role}) may not send events; it needs ${PERMISSIONS['events.send']} or above, or the source's own credential`);
  throw unauthorized(problem);
}

/** The secrets a delivery may match: the current one, and the previous one until its grace ends. */
function candidates(source: Source, column: 'secretHash' | 'secretEnc'): string[] {
  const prev = column === 'secretHash' ? source.prevSecretHash : source.prevSecretEnc;
  const graceOpen = source.prevValidUntil !== null && source.prevValidUntil.getTime() > Date.now();
  return [source[column], graceOpen ? prev : null].filter((v): v is string => Boolean(v));
}

/** Compares against every candidate (no early exit), so timing does not tell which one matched. */
function matchesAny(given: string, expected: string[]): boolean {
  let ok = false;
  for (const e of expected) ok = safeEqual(given, e) || ok;
  return ok;
}

const tokenMatches = (source: Source, given: string) => matchesAny(sha256(given), candidates(source, 'secretHash'));

/** null when the delivery carries this source's valid credential, else what is wrong. */
function checkSourceCredential(source: Source, d: Delivery, bearer: string | null): string | null {
  switch (source.authMode) {
    case 'token': {
      // Jira and Jenkins cannot always set headers, so `?token=` is accepted too.
      const given = bearer ?? d.queryToken;
      if (!given) return `missing token for source "${source.key}": send "Authorization: Bearer <token>" or ?token=`;
      if (!tokenMatches(source, given)) return `invalid token for source "${source.key}"`;
      return null;
    }
    case 'gitlab-token': {
      const given = d.headers['x-gitlab-token'];
      if (!given) return `missing X-Gitlab-Token header for source "${source.key}"`;
      if (!tokenMatches(source, given)) return `invalid X-Gitlab-Token for source "${source.key}"`;
      return null;
    }
    case 'hmac': {
      // GitHub signs in X-Hub-Signature-256; Jira and Bitbucket send the same `sha256=<hex>` in X-Hub-Signature.
      const legacy = d.headers['x-hub-signature'];
      const header = d.headers['x-hub-signature-256'] ?? (legacy?.startsWith('sha256=') ? legacy : undefined);
      // Name the header this source's sender uses (Bitbucket and Jira: X-Hub-Signature).
      const expectedHeader = presetSignatureHeader(source.preset as Preset, 'hmac')?.header ?? 'X-Hub-Signature-256';
      if (!header) return `missing signature: source "${source.key}" requires an ${expectedHeader} header (sha256=<hex HMAC of the body>)`;
      if (!source.secretEnc) return `source "${source.key}" has no HMAC secret configured`;
      const expected = candidates(source, 'secretEnc').map((enc) => `sha256=${hmacSha256Hex(decrypt(enc), d.rawBody)}`);
      if (!matchesAny(header.trim().toLowerCase(), expected)) return 'signature does not match the body: expected sha256=<hex HMAC-SHA256 of the raw body with the source secret>';
      return null;
    }
    default:
      return `source "${source.key}" has an unknown auth mode "${source.authMode}"`;
  }
}
