// The event intake served without Next's request pipeline (issue 11): POST /api/hooks/{source}
// and POST /api/events/{source}/{type} go straight to the route handlers Next built (the same
// compiled modules, loaded through Next's own runtime, so server/http/intake.ts runs exactly as it
// does behind Next, with the same module state), wrapped in plain node:http. Measured on the bench
// (docs/performance.md): Next's routing, request wrapping and response piping cost more than the
// intake's own work. Anything unusual (other methods or paths, a segment that is not valid
// percent-encoding, a missing build) is left to Next, so the answer never differs in kind.
// Next's configured headers (next.config.ts headers(), as compiled into routes-manifest.json)
// are added to every answer, as Next would.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';

const ROUTES = [
  { pattern: /^\/api\/hooks\/([^/?#]+)\/?$/, module: 'app/api/hooks/[source]/route.js', params: (m) => ({ source: m[1] }) },
  { pattern: /^\/api\/events\/([^/?#]+)\/([^/?#]+)\/?$/, module: 'app/api/events/[id]/[type]/route.js', params: (m) => ({ id: m[1], type: m[2] }) },
];

/** Next's configured headers for any path, from the build's routes manifest. */
export function configuredHeaders(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.next', 'routes-manifest.json'), 'utf8'));
  return (manifest.headers ?? []).map((rule) => ({ regex: new RegExp(rule.regex), has: rule.has ?? [], headers: rule.headers }));
}

export const hasMatches = (req, has) => has.every((h) => h.type === 'header' && (h.value === undefined ? h.key in req.headers : req.headers[h.key.toLowerCase()] === h.value));

/**
 * Returns `handle(req, res)`, which answers an intake request and returns true, or returns false
 * (the caller passes the request to Next). Returns null when the build has no such routes.
 */
export async function leanIntake(dir) {
  const require = createRequire(path.join(dir, 'package.json'));
  const routes = [];
  let headerRules;
  try {
    headerRules = configuredHeaders(dir);
    for (const route of ROUTES) {
      const mod = require(path.join(dir, '.next', 'server', route.module));
      await mod.routeModule.ensureUserland(); // Next loads the handler lazily; this is its own loader
      const POST = mod.routeModule.userland.POST;
      if (typeof POST !== 'function') return null;
      routes.push({ ...route, POST });
    }
  } catch (err) {
    console.warn(`[web] intake served through Next (lean path unavailable: ${err.message})`);
    return null;
  }

  return function handle(req, res) {
    if (req.method !== 'POST') return false;
    const pathname = (req.url ?? '').split('?')[0];
    for (const route of routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      let params;
      try {
        // Next decodes each dynamic segment once; a malformed escape is Next's to answer.
        params = Object.fromEntries(Object.entries(route.params(m)).map(([k, v]) => [k, decodeURIComponent(v)]));
      } catch {
        return false;
      }
      void serve(route.POST, params, req, res, headerRules);
      return true;
    }
    return false;
  };
}

async function serve(POST, params, req, res, headerRules) {
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) headers.set(k, Array.isArray(v) ? v.join(', ') : v ?? '');
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    // Streamed, so the handler's body limit (server/http/read-body.ts) applies while reading.
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
      method: 'POST', headers, body: Readable.toWeb(req), duplex: 'half', signal: abort.signal,
    });
    const response = await POST(request, { params: Promise.resolve(params) });
    const out = {};
    for (const rule of headerRules) {
      if (rule.regex.test(req.url.split('?')[0]) && hasMatches(req, rule.has)) for (const h of rule.headers) out[h.key.toLowerCase()] = h.value;
    }
    response.headers.forEach((value, key) => (out[key] = value));
    res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
  } catch (err) {
    console.error('[web] intake request failed', err);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
    else res.destroy();
  }
}
