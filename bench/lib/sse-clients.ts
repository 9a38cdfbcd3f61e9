// Many EventSource-like readers of /api/stream over plain node:http (what a browser's EventSource
// does on the wire: GET with Accept: text/event-stream, read `id:`/`data:` frames until closed).
// Each reader records when a message it waits for arrived; parsing is kept to frames that can
// match (`hint`: a substring every such frame has), so 1,000 readers in this one process add little
// to the latency they measure. Parsing every frame cost more than the server's fan-out: a run's end
// is several messages, and a thousand readers parsed each of them on this process's one thread.
import http from 'node:http';

export type Reader = { close: () => void; seen: Map<string, number> };

/**
 * Opens one stream; resolves once the server's first frame (": connected") arrived. `match`
 * picks the key to record from a message's JSON (e.g. a run id when its status is succeeded).
 */
export function openReader(url: string, token: string, match: (message: unknown) => string | null, hint = ''): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const seen = new Map<string, number>();
    const req = http.get(url, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream answered ${res.statusCode}`));
      }
      res.setEncoding('utf8');
      let buffer = '';
      let connected = false;
      res.on('data', (chunk: string) => {
        const now = Date.now();
        buffer += chunk;
        const frames = buffer.split('\n\n');
        buffer = frames.pop() ?? '';
        for (const frame of frames) {
          if (!connected) {
            connected = true;
            resolve({ seen, close: () => req.destroy() });
          }
          const at = frame.indexOf('data: ');
          if (at < 0 || (hint && !frame.includes(hint))) continue;
          const key = match(JSON.parse(frame.slice(at + 6).split('\n')[0]));
          if (key !== null && !seen.has(key)) seen.set(key, now);
        }
      });
      res.on('error', () => undefined); // closed by us at the end
    });
    req.on('error', reject);
  });
}

/** Opens `n` readers, `batch` at a time (a browser fleet does not connect in one instant either). */
export async function openReaders(n: number, batch: number, open: () => Promise<Reader>): Promise<Reader[]> {
  const readers: Reader[] = [];
  while (readers.length < n) readers.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - readers.length) }, open))));
  return readers;
}
