// Authenticates a delivery against its source. Token-like secrets are compared by hash; HMAC
// signatures are recomputed over the raw body. All comparisons are constant-time.
import type { Source } from '../db/generated/client';
import { decrypt, hmacSha256Hex, safeEqual, sha256 } from '../crypto';
import { unauthorized } from '../errors';
import { can } from '@/engine/auth/roles';
import { bearerToken, principalFromToken, type Principal } from './principal';

type Delivery = {
  headers: Record<string, string>;
  rawBody: Buffer;
  queryToken: string | null;
  /** The caller as a person or API token, resolved only when the source credential is absent. */
  actor?: () => Promise<Principal | null>;
};

export async function verifyDelivery(source: Source, d: Delivery): Promise<void> {
  const bearer = bearerToken(d.headers);
  const problem = checkSourceCredential(source, d, bearer);
  if (problem === null) return;
  // Editors and admins may post to any source with a personal token or their session (the Send
  // page, the CLI). Checked second, so the common case (the source's own credential) costs no lookup.
  const actor = await (d.actor ? d.actor() : bearer ? principalFromToken(bearer) : Promise.resolve(null)).catch(() => null);
  if (actor && can(actor.role, 'events.send')) return;
  throw unauthorized(problem);
}

/** null when the delivery carries this source's valid credential, else what is wrong. */
function checkSourceCredential(source: Source, d: Delivery, bearer: string | null): string | null {
  switch (source.authMode) {
    case 'token': {
      // Jira and Jenkins cannot always set headers, so `?token=` is accepted too.
      const given = bearer ?? d.queryToken;
      if (!given) return `missing token for source "${source.key}": send "Authorization: Bearer <token>" or ?token=`;
      if (!source.secretHash || !safeEqual(sha256(given), source.secretHash)) return `invalid token for source "${source.key}"`;
      return null;
    }
    case 'gitlab-token': {
      const given = d.headers['x-gitlab-token'];
      if (!given) return `missing X-Gitlab-Token header for source "${source.key}"`;
      if (!source.secretHash || !safeEqual(sha256(given), source.secretHash)) return `invalid X-Gitlab-Token for source "${source.key}"`;
      return null;
    }
    case 'hmac': {
      // GitHub signs in X-Hub-Signature-256; Jira sends the same `sha256=<hex>` in X-Hub-Signature.
      const legacy = d.headers['x-hub-signature'];
      const header = d.headers['x-hub-signature-256'] ?? (legacy?.startsWith('sha256=') ? legacy : undefined);
      if (!header) return `missing signature: source "${source.key}" requires an X-Hub-Signature-256 header (sha256=<hex HMAC of the body>)`;
      if (!source.secretEnc) return `source "${source.key}" has no HMAC secret configured`;
      const expected = `sha256=${hmacSha256Hex(decrypt(source.secretEnc), d.rawBody)}`;
      if (!safeEqual(header.trim().toLowerCase(), expected)) return 'signature does not match the body: expected sha256=<hex HMAC-SHA256 of the raw body with the source secret>';
      return null;
    }
    default:
      return `source "${source.key}" has an unknown auth mode "${source.authMode}"`;
  }
}
