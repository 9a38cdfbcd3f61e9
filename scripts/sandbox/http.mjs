// Small HTTP helpers for the sandbox: read a request (body decoded), answer JSON, check basic auth.
export function readRequest(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 1024 * 1024) reject(new Error('request body over 1 MB'));
      else chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const type = req.headers['content-type'] ?? '';
      let json = null;
      if (type.includes('json') && text) {
        try { json = JSON.parse(text); } catch { json = undefined; }
      }
      const form = type.includes('x-www-form-urlencoded') ? new URLSearchParams(text) : null;
      resolve({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, text, json, form });
    });
  });
}

export function reply(res, status, body, headers = {}) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json;charset=UTF-8';
  res.writeHead(status, { 'content-type': type, 'x-railyard-sandbox': 'true', ...headers });
  res.end(text);
}

/** `user:password` from a Basic Authorization header, or null. */
export function basicCredentials(headers) {
  const m = /^Basic (.+)$/.exec(headers.authorization ?? '');
  return m ? Buffer.from(m[1], 'base64').toString('utf8') : null;
}
