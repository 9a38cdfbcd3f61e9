// Bitbucket Cloud webhooks. Like GitHub, the body has no kind field: the event is named only by
// the `X-Event-Key` header, in Bitbucket's own `<resource>:<action>` words (`repo:push`,
// `pullrequest:created`, `pullrequest:fulfilled` for a merge, `pullrequest:rejected` for a
// decline). Those names are kept as they are, colon included, because that is what Bitbucket's
// docs and its webhook settings page call them, so a trigger reads `type: repo:push`.
//
// Delivery id: `X-Request-UUID` (Bitbucket's automatic retries of a request count up
// `X-Attempt-Number`), so a redelivery of the same request is recognised as a duplicate.
// Signature (checked in server/auth/verify-source.ts, not here): with a secret set on the
// webhook, `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
import { fail, headerValue, isRecord, ok, type DeriveResult, type LowerHeaders } from './payload';

export function readBitbucket(headers: LowerHeaders, payload: unknown): DeriveResult {
  const key = headerValue(headers, 'x-event-key');
  if (key === null) return fail('missing X-Event-Key header: Bitbucket sends the event name there (e.g. repo:push)');
  if (!isRecord(payload)) return fail('bitbucket payload must be a JSON object');
  return ok([key.toLowerCase()], headerValue(headers, 'x-request-uuid'));
}
