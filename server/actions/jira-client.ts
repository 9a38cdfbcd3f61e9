// Jira REST v2 calls shared by the jira.* handlers: sign-in, issue paths, and posting a comment
// at most once per idempotency key (Jira has no idempotency header, so a marker in the text does it).
import { basicAuth, joinUrl, sendOk } from './http-client';

export type JiraConnection = { baseUrl: string; email?: string; username?: string; apiToken?: string; password?: string };
export type JiraComment = { id: string; self: string; body?: unknown };

export type Jira = {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** POST with any JSON value as the body, a bare string included (the watchers endpoint takes `"name"`). */
  postJson<T>(path: string, value: unknown): Promise<T>;
};

export function jiraClient(conn: JiraConnection, signal: AbortSignal): Jira {
  // The schema guarantees one of each pair; `?? ''` only satisfies the types.
  const authorization = basicAuth(conn.email ?? conn.username ?? '', conn.apiToken ?? conn.password ?? '');
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const answer = await sendOk({
      url: joinUrl(conn.baseUrl, path),
      method,
      headers: { authorization, accept: 'application/json', ...headers },
      body,
      timeoutMs: 15_000,
      signal,
      label: `Jira ${method} ${path.split('?')[0]}`,
    });
    return answer.body as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    postJson: (path, value) => call('POST', path, JSON.stringify(value), { 'content-type': 'application/json' }),
  };
}

export const issuePath = (key: string): string => `/rest/api/2/issue/${encodeURIComponent(key)}`;

export const markerFor = (idempotencyKey: string): string => `[railyard:${idempotencyKey}]`;

const PAGE = 100;
const MAX_PAGES = 50; // 5000 comments: beyond that, posting a duplicate is the lesser evil

/** The comment carrying `marker`, searching every page (comments come oldest first). */
export async function findComment(jira: Jira, issue: string, marker: string): Promise<JiraComment | null> {
  for (let page = 0, startAt = 0; page < MAX_PAGES; page++) {
    const res = await jira.get<{ comments: JiraComment[]; total: number; maxResults?: number }>(
      `${issuePath(issue)}/comment?startAt=${startAt}&maxResults=${PAGE}`,
    );
    const hit = res.comments.find((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (hit) return hit;
    // The server may cap maxResults below what we asked for; advance by what it actually returned.
    startAt += res.comments.length;
    if (res.comments.length === 0 || startAt >= res.total) return null;
  }
  return null;
}

/** Posts `body` with the marker line appended, unless a comment with that marker already exists. */
export async function commentOnce(jira: Jira, issue: string, body: string, idempotencyKey: string) {
  const marker = markerFor(idempotencyKey);
  const found = await findComment(jira, issue, marker);
  if (found) return { id: found.id, self: found.self, existing: true };
  const created = await jira.post<JiraComment>(`${issuePath(issue)}/comment`, { body: `${body}\n\n${marker}` });
  return { id: created.id, self: created.self, existing: false };
}
