// Authenticates a delivery against its source. Token-like secrets are compared by hash; HMAC
// signatures are recomputed over the raw body. All comparisons are constant-time.
import type { Source } from '../db/generated/client';
import { decrypt, hmacSha256Hex, safeEqual, sha256 } from '../crypto';
import { unauthorized } from '../errors';
import { bearerToken, principalFromToken } from './tokens';

type Delivery = { headers: Record<string, string>; rawBody: Buffer; queryToken: string | null };

export async function verifyDelivery(source: Source, d: Delivery): Promise<void> {
  // An admin token may post to any source (provisioning, the Send page, the CLI).
  const bearer = bearerToken(d.headers);
  if (bearer && (await principalFromToken(bearer))?.role === 'admin') return;

  switch (source.authMode) {
    case 'token': {
      // Jira and Jenkins cannot always set headers, so `?token=` is accepted too.
      const given = bearer ?? d.queryToken;
      if (!given) throw unauthorized(`missing token for source "${source.key}": send "Authorization: Bearer <token>" or ?token=`);
      if (!source.secretHash || !safeEqual(sha256(given), source.secretHash)) throw unauthorized(`invalid token for source "${source.key}"`);
      return;
    }
    case 'gitlab-token': {
      const given = d.headers['x-gitlab-token'];
      if (!given) throw unauthorized(`missing X-Gitlab-Token header for source "${source.key}"`);
      if (!source.secretHash || !safeEqual(sha256(given), source.secretHash)) throw unauthorized(`invalid X-Gitlab-Token for source "${source.key}"`);
      return;
    }
    case 'hmac': {
      // GitHub signs in X-Hub-Signature-256; Jira sends the same `sha256=<hex>` in X-Hub-Signature.
      const header = d.headers['x-hub-signature-256'] ?? (d.headers['x-hub-signature']?.startsWith('sha256=') ? d.headers['x-hub-signature'] : undefined);
      if (!header) throw unauthorized(`missing signature: source "${source.key}" requires an X-Hub-Signature-256 header (sha256=<hex HMAC of the body>)`);
      if (!source.secretEnc) throw unauthorized(`source "${source.key}" has no HMAC secret configured`);
      const expected = `sha256=${hmacSha256Hex(decrypt(source.secretEnc), d.rawBody)}`;
      if (!safeEqual(header.trim().toLowerCase(), expected)) throw unauthorized('signature does not match the body: expected sha256=<hex HMAC-SHA256 of the raw body with the source secret>');
      return;
    }
    default:
      throw unauthorized(`source "${source.key}" has an unknown auth mode "${source.authMode}"`);
  }
}
