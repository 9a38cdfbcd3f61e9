// The Railyard sandbox: one small local process that speaks the parts of the Jira and Jenkins HTTP
// APIs the demo's workflows use, so the seeded release pipeline runs end to end on a fresh
// `npm start` without any outside service. It is NOT Jira or Jenkins: no UI, no real builds, every
// build succeeds. `npm start` runs it (RAILYARD_SANDBOX=false turns it off); point the demo
// workflows' baseUrl and the JIRA_* / JENKINS_* secrets at the real services to replace it.
//
//   RAILYARD_SANDBOX_PORT          port (0 picks a free one; the line "[sandbox] listening on URL" says which)
//   RAILYARD_SANDBOX_CALLBACK_URL  Railyard's base URL, for the Jenkins webhook calls
//   RAILYARD_SANDBOX_HOOK_TOKEN    the token of Railyard's `jenkins` and `jira` sources (demo: railyard-demo-secret)
//   RAILYARD_SANDBOX_USER / _TOKEN the basic-auth credentials it accepts (demo: railyard-bot / sandbox-token)
//   RAILYARD_SANDBOX_BUILD_MS      how long a build takes (default 4000); RAILYARD_SANDBOX_STATE a JSON file to keep state in
//
// GET /sandbox/state shows what it received (issues with comments and watchers, builds).
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { railyardHook } from './callback.mjs';
import { basicCredentials, readRequest, reply } from './http.mjs';
import { jenkinsRoutes } from './jenkins.mjs';
import { browsePage, jiraRoutes } from './jira.mjs';

const env = process.env;
const host = env.RAILYARD_SANDBOX_HOST || '127.0.0.1';
const credentials = `${env.RAILYARD_SANDBOX_USER || 'railyard-bot'}:${env.RAILYARD_SANDBOX_TOKEN || 'sandbox-token'}`;
const stateFile = env.RAILYARD_SANDBOX_STATE || null;
const log = (line) => console.log(`[sandbox] ${line}`);

function loadState() {
  const empty = { jira: {}, nextComment: 0, jenkins: [], nextQueue: 1, nextBuild: {} };
  if (!stateFile || !fs.existsSync(stateFile)) return empty;
  try {
    return { ...empty, ...JSON.parse(fs.readFileSync(stateFile, 'utf8')) };
  } catch (err) {
    log(`ignoring unreadable state file ${stateFile}: ${err.message}`);
    return empty;
  }
}

const state = loadState();
let saveTimer = null;
function changed(what) {
  log(what);
  if (!stateFile || saveTimer) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(`${stateFile}.tmp`, JSON.stringify(state, null, 1));
    fs.renameSync(`${stateFile}.tmp`, stateFile);
  }, 200);
}

let url = '';
// The demo's jira and jenkins sources share one token (prisma/seed/demo-data.ts DEMO_SECRET).
const hook = railyardHook({ callbackUrl: env.RAILYARD_SANDBOX_CALLBACK_URL || null, token: env.RAILYARD_SANDBOX_HOOK_TOKEN || 'railyard-demo-secret', log });
const jira = jiraRoutes(state, () => url, hook);
const jenkins = jenkinsRoutes(state, {
  baseUrl: () => url,
  hook,
  startMs: Number(env.RAILYARD_SANDBOX_START_MS || 1000),
  buildMs: Number(env.RAILYARD_SANDBOX_BUILD_MS || 4000),
  changed,
});

const server = createServer(async (raw, res) => {
  try {
    const req = await readRequest(raw);
    if (req.method === 'GET' && (req.path === '/' || req.path === '/sandbox/state')) {
      return reply(res, 200, { sandbox: 'Railyard sandbox: a local stand-in for Jira and Jenkins (not the real services)', ...state });
    }
    const browse = req.method === 'GET' && /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(req.path);
    const page = browse && browsePage(state, browse[1]);
    if (page) return reply(res, 200, page);
    if (basicCredentials(req.headers) !== credentials) {
      return reply(res, 401, { errorMessages: ['You are not authenticated (sandbox credentials: see scripts/sandbox/server.mjs).'], errors: {} });
    }
    if (jira(req, res, changed) || jenkins(req, res)) return;
    reply(res, 404, { errorMessages: [`the sandbox does not speak ${req.method} ${req.path}`], errors: {} });
  } catch (err) {
    reply(res, 400, { errorMessages: [err.message], errors: {} });
  }
});

server.listen(Number(env.RAILYARD_SANDBOX_PORT || 0), host, () => {
  url = `http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}`;
  log(`listening on ${url}`);
});
server.on('error', (err) => {
  log(`cannot listen: ${err.message}`);
  process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    if (saveTimer && stateFile) fs.writeFileSync(stateFile, JSON.stringify(state, null, 1));
    process.exit(0);
  });
}
