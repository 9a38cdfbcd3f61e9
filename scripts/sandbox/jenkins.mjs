// The sandbox's Jenkins: crumb issuer, build / buildWithParameters, queue items and builds, as the
// jenkins.build action calls them. Every build succeeds: it starts `startMs` after it was queued
// and finishes `buildMs` later; at both moments the sandbox sends what the Jenkins Notification
// plugin sends (phase STARTED, then FINISHED with status SUCCESS and the build parameters) to
// Railyard's Jenkins webhook, so a pipeline station waiting for `jenkins / build-finished` moves.
import { randomBytes } from 'node:crypto';
import { reply } from './http.mjs';

const bootId = randomBytes(4).toString('hex'); // keeps delivery ids unique across restarts

export function jenkinsRoutes(state, { baseUrl, hook, startMs, buildMs, changed }) {
  const sessions = new Map(); // session cookie → crumb

  const jobPath = (job) => job.split('/').map((n) => `job/${encodeURIComponent(n)}/`).join('');
  const notification = (b, phase) => ({
    name: b.job,
    url: jobPath(b.job),
    build: {
      full_url: `${baseUrl()}/${jobPath(b.job)}${b.number}/`,
      number: b.number,
      queue_id: b.queueId,
      phase,
      ...(phase === 'FINISHED' && { status: b.result }),
      url: `${jobPath(b.job)}${b.number}/`,
      scm: { branch: b.parameters.BRANCH ?? null, commit: b.parameters.COMMIT ?? null },
      parameters: b.parameters,
      log: phase === 'FINISHED' ? `[sandbox] ${b.job} #${b.number} built ${b.parameters.BRANCH ?? 'the default branch'}: SUCCESS\n` : '',
    },
  });

  const notify = (b, phase) =>
    hook('jenkins', notification(b, phase), `sandbox-${bootId}-jenkins-${b.queueId}-${phase}`, `${b.job} #${b.number} ${phase}`);

  /** Moves one build along; also used for builds a restart found unfinished. */
  function schedule(b) {
    const at = (t, f) => setTimeout(f, Math.max(0, t - Date.now())).unref();
    if (!b.startedAt) {
      at(b.queuedAt + startMs, () => {
        b.startedAt = Date.now();
        b.number = state.nextBuild[b.job] = (state.nextBuild[b.job] ?? 0) + 1;
        changed(`Jenkins: ${b.job} #${b.number} started`);
        void notify(b, 'STARTED');
        schedule(b);
      });
    } else if (!b.finishedAt) {
      at(b.startedAt + buildMs, () => {
        b.finishedAt = Date.now();
        b.result = 'SUCCESS';
        changed(`Jenkins: ${b.job} #${b.number} SUCCESS`);
        void notify(b, 'FINISHED');
      });
    }
  }
  for (const b of state.jenkins) schedule(b);

  return (req, res) => {
    if (req.method === 'GET' && req.path === '/crumbIssuer/api/json') {
      const session = randomBytes(12).toString('hex');
      const crumb = randomBytes(16).toString('hex');
      sessions.set(session, crumb);
      reply(res, 200, { _class: 'hudson.security.csrf.DefaultCrumbIssuer', crumb, crumbRequestField: 'Jenkins-Crumb' },
        { 'set-cookie': `JSESSIONID.sandbox=${session}; Path=/; HttpOnly` });
      return true;
    }
    const queue = /^\/queue\/item\/(\d+)\/api\/json$/.exec(req.path);
    if (req.method === 'GET' && queue) {
      const b = state.jenkins.find((x) => x.queueId === Number(queue[1]));
      if (!b) return reply(res, 404, 'Not Found'), true;
      const executable = b.startedAt ? { number: b.number, url: `${baseUrl()}/${jobPath(b.job)}${b.number}/` } : null;
      reply(res, 200, { id: b.queueId, why: executable ? null : 'Waiting for next available executor', cancelled: false, executable });
      return true;
    }
    const trigger = /^((?:\/job\/[^/]+)+)\/(build|buildWithParameters)$/.exec(req.path);
    if (!trigger) return false;
    if (req.method !== 'POST') return reply(res, 405, 'Method Not Allowed'), true;
    const session = /JSESSIONID\.sandbox=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!session || sessions.get(session) !== req.headers['jenkins-crumb']) return reply(res, 403, 'No valid crumb was included in the request'), true;
    const job = trigger[1].split('/job/').filter(Boolean).map(decodeURIComponent).join('/');
    const parameters = Object.fromEntries(req.form ?? new URLSearchParams(req.query));
    const b = { job, queueId: state.nextQueue++, number: null, parameters, queuedAt: Date.now(), startedAt: null, finishedAt: null, result: null };
    state.jenkins.push(b);
    if (state.jenkins.length > 200) state.jenkins.splice(0, state.jenkins.length - 200);
    changed(`Jenkins: ${job} queued as item ${b.queueId} (${Object.entries(parameters).map(([k, v]) => `${k}=${v}`).join(', ') || 'no parameters'})`);
    schedule(b);
    reply(res, 201, '', { location: `${baseUrl()}/queue/item/${b.queueId}/` });
    return true;
  };
}
