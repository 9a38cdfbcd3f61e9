// The sandbox's Jira: the REST API v2 endpoints the jira.* actions call (issue, comments,
// transitions, watchers), for a made-up project SHOP. Any SHOP-<n> issue exists (the demo's
// features and its release ticket SHOP-100); other projects answer 404 as Jira does. A transition
// is sent to Railyard's Jira webhook as Jira sends it (jira:issue_updated with a status changelog
// item), so moving SHOP-110 to "Ready for release" makes it a ready feature of shop-web.
import { randomBytes } from 'node:crypto';
import { reply } from './http.mjs';

const bootId = randomBytes(4).toString('hex');

const WORKFLOW = {
  'To Do': [{ id: '11', name: 'Start Progress', to: 'In Progress' }, { id: '31', name: 'Done', to: 'Done' }],
  'In Progress': [{ id: '21', name: 'Stop Progress', to: 'To Do' }, { id: '41', name: 'Ready for release', to: 'Ready for release' }],
  'Ready for release': [{ id: '51', name: 'Released', to: 'Done' }, { id: '21', name: 'Stop Progress', to: 'To Do' }],
  Done: [{ id: '61', name: 'Reopen', to: 'To Do' }],
};

const SUMMARIES = { 'SHOP-100': 'Release train: shop-web' };

/** A plain-text page for an issue (what a feature's link opens), readable without signing in. */
export function browsePage(state, key) {
  const issue = state.jira[key] ?? (/^SHOP-\d+$/.test(key) ? { status: 'To Do', summary: SUMMARIES[key] ?? `Sandbox issue ${key}`, comments: [], watchers: [] } : null);
  if (!issue) return null;
  const comments = issue.comments.map((c) => `--- comment ${c.id} (${c.created})\n${c.body}`).join('\n\n');
  return `RAILYARD SANDBOX (a local stand-in for Jira, not the real service)\n\n${key}: ${issue.summary}\nStatus: ${issue.status}\n` +
    `Watchers: ${issue.watchers.join(', ') || 'none'}\n\n${comments || 'No comments yet.'}\n`;
}

export function jiraRoutes(state, baseUrl, hook) {
  const issueOf = (key) => {
    if (!/^SHOP-\d+$/.test(key)) return null;
    state.jira[key] ??= { status: 'To Do', summary: SUMMARIES[key] ?? `Sandbox issue ${key}`, comments: [], watchers: [] };
    return state.jira[key];
  };
  const notFound = (res) => reply(res, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });

  return (req, res, changed) => {
    const m = /^\/rest\/api\/2\/issue\/([^/]+)(\/comment|\/transitions|\/watchers)?$/.exec(req.path);
    if (!m) return false;
    const key = decodeURIComponent(m[1]);
    const issue = issueOf(key);
    if (!issue) return notFound(res), true;
    const self = `${baseUrl()}/rest/api/2/issue/${key}`;
    const commentJson = (c) => ({ id: c.id, self: `${self}/comment/${c.id}`, body: c.body, created: c.created, author: { name: 'railyard-bot' } });
    switch (`${req.method} ${m[2] ?? ''}`) {
      case 'GET ':
        reply(res, 200, { id: key.split('-')[1], key, self, fields: { summary: issue.summary, status: { name: issue.status } } });
        break;
      case 'GET /comment': {
        const startAt = Number(req.query.get('startAt') ?? 0);
        const maxResults = Math.min(Number(req.query.get('maxResults') ?? 50), 50);
        reply(res, 200, { startAt, maxResults, total: issue.comments.length, comments: issue.comments.slice(startAt, startAt + maxResults).map(commentJson) });
        break;
      }
      case 'POST /comment': {
        const body = req.json?.body;
        if (typeof body !== 'string' || !body) return reply(res, 400, { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } }), true;
        const comment = { id: String(10_000 + state.nextComment++), body, created: new Date().toISOString() };
        issue.comments.push(comment);
        changed(`Jira: comment ${comment.id} on ${key}`);
        reply(res, 201, commentJson(comment));
        break;
      }
      case 'GET /watchers':
        reply(res, 200, { self: `${self}/watchers`, isWatching: false, watchCount: issue.watchers.length, watchers: issue.watchers.map((name) => ({ name, key: name, displayName: name })) });
        break;
      case 'POST /watchers': {
        // Jira takes a bare JSON string: the user name (Server) or account id (Cloud).
        if (typeof req.json !== 'string' || !req.json.trim()) return reply(res, 400, { errorMessages: ['The user "" does not exist.'], errors: {} }), true;
        if (!issue.watchers.includes(req.json)) issue.watchers.push(req.json);
        changed(`Jira: ${req.json} watches ${key}`);
        reply(res, 204);
        break;
      }
      case 'GET /transitions':
        reply(res, 200, { expand: 'transitions', transitions: (WORKFLOW[issue.status] ?? []).map((t) => ({ id: t.id, name: t.name, to: { name: t.to } })) });
        break;
      case 'POST /transitions': {
        const t = (WORKFLOW[issue.status] ?? []).find((x) => x.id === req.json?.transition?.id);
        if (!t) return reply(res, 400, { errorMessages: [`Transition id '${req.json?.transition?.id}' is not valid for this issue.`], errors: {} }), true;
        const from = issue.status;
        issue.status = t.to;
        changed(`Jira: ${key} → ${t.to}`);
        state.nextDelivery = (state.nextDelivery ?? 0) + 1;
        const delivery = `sandbox-${bootId}-jira-${key}-${state.nextDelivery}`;
        void hook('jira', {
          timestamp: Date.now(), webhookEvent: 'jira:issue_updated', issue_event_type_name: 'issue_generic',
          user: { name: 'railyard-bot' },
          issue: { id: key.split('-')[1], key, self: `${baseUrl()}/rest/api/2/issue/${key}`, fields: { summary: issue.summary, status: { name: t.to } } },
          changelog: { id: delivery, items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', fromString: from, toString: t.to }] },
        }, delivery, `Jira ${key} ${from} → ${t.to}`);
        reply(res, 204);
        break;
      }
      default:
        reply(res, 405, { errorMessages: ['Method not allowed'], errors: {} });
    }
    return true;
  };
}
