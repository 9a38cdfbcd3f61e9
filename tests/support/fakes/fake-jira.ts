// A small Jira (REST API v2) keeping issues in memory: status, workflow transitions and paged
// comments and watchers (Jira Server style, by user name), behind basic auth. Every request is recorded in `seen`.
import { basicCredentials, reply, startLocalServer, type LocalServer } from './local-http';

export type FakeIssue = { status: string; comments: { id: string; body: string }[]; watchers: string[] };
type Transition = { id: string; name: string; to: string };

/** A classic software workflow: To Do ⇄ In Progress → Done → (Reopen) To Do. */
const WORKFLOW: Record<string, Transition[]> = {
  'To Do': [{ id: '11', name: 'Start Progress', to: 'In Progress' }, { id: '31', name: 'Done', to: 'Done' }],
  'In Progress': [{ id: '21', name: 'Stop Progress', to: 'To Do' }, { id: '31', name: 'Done', to: 'Done' }],
  Done: [{ id: '41', name: 'Reopen', to: 'To Do' }],
};

export type FakeJira = LocalServer & { issues: Map<string, FakeIssue> };

export async function startFakeJira(opts: { user?: string; token?: string; issues?: Record<string, Partial<FakeIssue>>; pageSize?: number } = {}): Promise<FakeJira> {
  const { user = 'bot@example.com', token = 'jira-token', pageSize = 50 } = opts;
  const issues = new Map<string, FakeIssue>(
    Object.entries(opts.issues ?? { 'REL-1': {} }).map(([k, v]) => [k, { status: v.status ?? 'To Do', comments: v.comments ?? [], watchers: v.watchers ?? [] }]),
  );
  let nextComment = 10_000;
  const server = await startLocalServer((req, res) => {
    if (basicCredentials(req.headers) !== `${user}:${token}`) return reply(res, 401, { errorMessages: ['You are not authenticated.'], errors: {} });
    const m = /^\/rest\/api\/2\/issue\/([^/]+)(\/comment|\/transitions|\/watchers)?$/.exec(req.path);
    const key = m && decodeURIComponent(m[1]);
    const issue = key ? issues.get(key) : undefined;
    if (!m || !key || !issue) {
      return reply(res, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
    const self = `${server.url}/rest/api/2/issue/${key}`;
    const commentJson = (c: FakeIssue['comments'][number]) => ({ id: c.id, self: `${self}/comment/${c.id}`, body: c.body, author: { name: user } });

    switch (`${req.method} ${m[2] ?? ''}`) {
      case 'GET ':
        return reply(res, 200, { id: '1', key, self, fields: { status: { name: issue.status } } });
      case 'GET /comment': {
        const startAt = Number(req.query.get('startAt') ?? 0);
        // Like Jira, cap the page below what the client asked for.
        const maxResults = Math.min(Number(req.query.get('maxResults') ?? pageSize), pageSize);
        const comments = issue.comments.slice(startAt, startAt + maxResults).map(commentJson);
        return reply(res, 200, { startAt, maxResults, total: issue.comments.length, comments });
      }
      case 'POST /comment': {
        const body = (req.json as { body?: unknown } | null)?.body;
        if (typeof body !== 'string' || !body) return reply(res, 400, { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } });
        const comment = { id: String(nextComment++), body };
        issue.comments.push(comment);
        return reply(res, 201, commentJson(comment));
      }
      case 'GET /watchers':
        return reply(res, 200, { self: `${self}/watchers`, isWatching: false, watchCount: issue.watchers.length, watchers: issue.watchers.map((name) => ({ name, key: name, displayName: name })) });
      case 'POST /watchers': {
        // The body is a bare JSON string: the user name.
        const name = req.json;
        if (typeof name !== 'string' || !name) return reply(res, 400, { errorMessages: ['The user "" does not exist.'], errors: {} });
        if (!issue.watchers.includes(name)) issue.watchers.push(name);
        return reply(res, 204);
      }
      case 'GET /transitions':
        return reply(res, 200, {
          expand: 'transitions',
          transitions: (WORKFLOW[issue.status] ?? []).map((t) => ({ id: t.id, name: t.name, to: { name: t.to, id: t.to.length.toString() } })),
        });
      case 'POST /transitions': {
        const id = (req.json as { transition?: { id?: string } } | null)?.transition?.id;
        const t = (WORKFLOW[issue.status] ?? []).find((x) => x.id === id);
        if (!t) return reply(res, 400, { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} });
        issue.status = t.to;
        return reply(res, 204);
      }
      default:
        return reply(res, 405, { errorMessages: ['Method not allowed'], errors: {} });
    }
  });
  return Object.assign(server, { issues });
}
