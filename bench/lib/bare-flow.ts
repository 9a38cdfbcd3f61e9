// Serves the baseline page (bench/baseline/bare-flow.tsx) to the benchmark's browser: bundled once
// with esbuild (production React, minified, like `next build` ships), answered from memory through
// Playwright's request interception, so it costs no server and no network.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { BareGraph } from '../baseline/bare-flow';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'baseline', 'bare-flow.tsx');
const ORIGIN = 'http://baseline.bench';
let bundle: Promise<{ js: string; css: string }> | null = null;

function bundleOnce() {
  bundle ??= build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    jsx: 'automatic',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((r) => ({
    js: r.outputFiles.find((f) => f.path.endsWith('.js'))!.text,
    css: r.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '',
  }));
  return bundle;
}

/** Opens the bare React Flow page with `graph` in `page`. */
export async function openBareFlow(page: Page, graph: BareGraph) {
  const { js, css } = await bundleOnce();
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/app.css">
<style>html,body{margin:0;font-family:system-ui}</style></head><body><div id="root"></div>
<script>window.__graph=${JSON.stringify(graph)}</script><script src="/app.js"></script></body></html>`;
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/app.js') return route.fulfill({ contentType: 'text/javascript', body: js });
    if (url.pathname === '/app.css') return route.fulfill({ contentType: 'text/css', body: css });
    return route.fulfill({ contentType: 'text/html', body: html });
  });
  await page.goto(`${ORIGIN}/`);
}
