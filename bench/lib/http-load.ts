// Load generators for the intake endpoint. Two shapes, because they answer different questions:
// - closed loop (fixed concurrency): the most requests/s the server sustains; latency under load.
// - open loop (fixed rate): latency at a modest, steady arrival rate, not inflated by queueing we
//   caused ourselves. Both use global fetch (undici) whose default agent keeps connections alive.

export type RequestSpec = { url: string; headers: Record<string, string>; body: (i: number) => string };
export type Sample = { i: number; ms: number; status: number; id?: string; error?: string };

async function once(spec: RequestSpec, i: number): Promise<Sample> {
  const t0 = performance.now();
  try {
    const res = await fetch(spec.url, { method: 'POST', headers: spec.headers, body: spec.body(i) });
    const text = await res.text(); // always drain, or the keep-alive socket cannot be reused
    const ms = performance.now() - t0;
    let id: string | undefined;
    try {
      id = (JSON.parse(text) as { id?: string }).id;
    } catch {
      // a non-JSON answer is an error below anyway
    }
    return res.status === 202 ? { i, ms, status: res.status, id } : { i, ms, status: res.status, error: text.slice(0, 200) };
  } catch (err) {
    return { i, ms: performance.now() - t0, status: 0, error: (err as Error).message };
  }
}

/** `total` requests, never more than `concurrency` in flight. Returns samples and wall time. */
export async function closedLoop(spec: RequestSpec, total: number, concurrency: number) {
  const samples: Sample[] = [];
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < total) samples.push(await once(spec, next++));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return { samples, wallMs: performance.now() - t0 };
}

/** `total` requests started at `perSecond`, each independent of the previous one's answer. */
export async function openLoop(spec: RequestSpec, total: number, perSecond: number) {
  const t0 = performance.now();
  const pending: Promise<Sample>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(spec, i));
  }
  const samples = await Promise.all(pending);
  return { samples, wallMs: performance.now() - t0 };
}

/** Waits until `url` answers at all (any status), or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`server for ${url} exited while starting`);
    try {
      await (await fetch(url, { signal: AbortSignal.timeout(2000) })).text();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
