// A Slack/Mattermost-style incoming webhook: POST JSON to /hooks/<token>; answers like Slack
// ("ok", or 404 "no_service" for an unknown token, 400 "invalid_payload" without text).
import { reply, startLocalServer, type LocalServer } from './local-http';

export type FakeChat = LocalServer & {
  /** Webhook URL for the known token. */
  webhookUrl: string;
  /** Message bodies accepted so far. */
  messages: Record<string, unknown>[];
};

export async function startFakeChat(opts: { token?: string; style?: 'slack' | 'mattermost' } = {}): Promise<FakeChat> {
  const token = opts.token ?? 'T000/B000/secret';
  const messages: Record<string, unknown>[] = [];
  const server = await startLocalServer((req, res) => {
    if (req.method !== 'POST' || req.path !== `/hooks/${token}`) return reply(res, 404, 'no_service');
    const body = req.json as Record<string, unknown> | null;
    if (!body || typeof body.text !== 'string' || !body.text) return reply(res, 400, 'invalid_payload');
    messages.push(body);
    reply(res, 200, opts.style === 'mattermost' ? '' : 'ok');
  });
  return Object.assign(server, { webhookUrl: `${server.url}/hooks/${token}`, messages });
}
