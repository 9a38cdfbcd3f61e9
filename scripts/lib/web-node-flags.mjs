// Node flags for the web process, shared by `npm start` (scripts/start.mjs) and the bench, so the
// bench measures what users run. A 32 MiB young generation (V8's default is far smaller) means
// fewer scavenges under a burst of intake requests, each of which allocates its body, headers
// and JSON: in back-to-back bench runs at c=32 it gave 1,438-1,475 req/s and p99 43-50 ms against
// 1,221-1,264 req/s and p99 53-56 ms without it (docs/performance.md). The worker showed no
// difference, so it keeps V8's defaults.
export const WEB_NODE_FLAGS = ['--max-semi-space-size=32'];
