// Calls Railyard's native webhook endpoint (POST /api/hooks/{source}?token=…) the way Jenkins'
// Notification plugin and Jira's webhooks do. Railyard may still be starting (npm start boots the
// sandbox beside the web process), so a failure is retried with backoff for about a minute.
export function railyardHook({ callbackUrl, token, log }) {
  return async function post(source, payload, idempotencyKey, what) {
    if (!callbackUrl) return log(`${what}: no RAILYARD_SANDBOX_CALLBACK_URL, nobody told`);
    const url = `${callbackUrl.replace(/\/+$/, '')}/api/hooks/${source}?token=${encodeURIComponent(token)}`;
    const body = JSON.stringify(payload);
    for (let attempt = 1, wait = 1000; attempt <= 10; attempt++, wait = Math.min(wait * 2, 15_000)) {
      try {
        const res = await fetch(url, {
          method: 'POST', body, signal: AbortSignal.timeout(10_000),
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        });
        if (res.ok) return log(`${what}: told Railyard (${res.status})`);
        if (res.status < 500 && res.status !== 429) return log(`${what}: Railyard refused it (${res.status} ${await res.text()})`);
      } catch (err) {
        if (attempt === 10) return log(`${what}: could not reach Railyard (${err.message})`);
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  };
}
