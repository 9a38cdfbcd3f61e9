// A small Jenkins speaking the documented REST endpoints the jenkins.build action uses:
// GET /crumbIssuer/api/json, POST /job/<a>/job/<b>/build[WithParameters], GET /queue/item/<id>/api/json.
// It checks basic auth, the crumb header and session cookie, and records every trigger.
import { basicCredentials, reply, startLocalServer, type LocalServer } from './local-http';

export type FakeJenkinsOptions = {
  user?: string;
  token?: string;
  /** CSRF protection on (default): triggers need the crumb and its session cookie. */
  csrf?: boolean;
  /** Job paths that exist, as "a/b". */
  jobs?: string[];
  /** How many queue polls answer "waiting" before the build starts (default 1). */
  waitingPolls?: number;
  /** Cancel queued items instead of starting them. */
  cancel?: boolean;
};

export type Trigger = { job: string; endpoint: 'build' | 'buildWithParameters'; params: Record<string, string>; queueId: number };

export type FakeJenkins = LocalServer & { triggers: Trigger[]; crumb: string; session: string };

const CRUMB = 'c0ffee-crumb';
const SESSION = 'JSESSIONID.node0=sess-42';

export async function startFakeJenkins(opts: FakeJenkinsOptions = {}): Promise<FakeJenkins> {
  const { user = 'ci', token = 'tok', csrf = true, jobs = ['app'], waitingPolls = 1 } = opts;
  const triggers: Trigger[] = [];
  const polls = new Map<number, number>();
  const server = await startLocalServer((req, res) => {
    if (basicCredentials(req.headers) !== `${user}:${token}`) return reply(res, 401, 'Unauthorized', { 'www-authenticate': 'Basic realm="Jenkins"' });

    if (req.method === 'GET' && req.path === '/crumbIssuer/api/json') {
      if (!csrf) return reply(res, 404, 'Not Found');
      return reply(res, 200, { _class: 'hudson.security.csrf.DefaultCrumbIssuer', crumb: CRUMB, crumbRequestField: 'Jenkins-Crumb' }, { 'set-cookie': [`${SESSION}; Path=/; HttpOnly`] });
    }

    const trigger = /^((?:\/job\/[^/]+)+)\/(build|buildWithParameters)$/.exec(req.path);
    if (req.method === 'POST' && trigger) {
      if (csrf && (req.headers['jenkins-crumb'] !== CRUMB || !(req.headers.cookie ?? '').includes(SESSION))) {
        return reply(res, 403, 'No valid crumb was included in the request');
      }
      const job = trigger[1].split('/job/').slice(1).map(decodeURIComponent).join('/');
      if (!jobs.includes(job)) return reply(res, 404, 'Not Found');
      const queueId = 100 + triggers.length + 1;
      triggers.push({ job, endpoint: trigger[2] as Trigger['endpoint'], params: Object.fromEntries(req.form ?? []), queueId });
      // Jenkins answers with its own root URL; tests can check the action rebases it on baseUrl.
      return reply(res, 201, undefined, { location: `http://jenkins.invalid/queue/item/${queueId}/` });
    }

    const item = /^\/queue\/item\/(\d+)\/api\/json$/.exec(req.path);
    if (req.method === 'GET' && item) {
      const id = Number(item[1]);
      const found = triggers.find((t) => t.queueId === id);
      if (!found) return reply(res, 404, 'Not Found');
      const n = (polls.get(id) ?? 0) + 1;
      polls.set(id, n);
      if (n <= waitingPolls) return reply(res, 200, { _class: 'hudson.model.Queue$WaitingItem', id, why: 'In the quiet period.' });
      if (opts.cancel) return reply(res, 200, { _class: 'hudson.model.Queue$LeftItem', id, cancelled: true, executable: null });
      const number = triggers.filter((t) => t.job === found.job && t.queueId <= id).length;
      const url = `${server.url}/job/${found.job.split('/').join('/job/')}/${number}/`;
      return reply(res, 200, { _class: 'hudson.model.Queue$LeftItem', id, cancelled: false, why: null, executable: { _class: 'hudson.model.FreeStyleBuild', number, url } });
    }
    reply(res, 404, 'Not Found');
  });
  return Object.assign(server, { triggers, crumb: CRUMB, session: SESSION });
}
