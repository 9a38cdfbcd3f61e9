// notify.chat against a local webhook that answers like Slack or Mattermost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyChat } from '@/engine/actions/notify-chat';
import { callAction } from '@/tests/support/fakes/action-input';
import { startFakeChat, type FakeChat } from '@/tests/support/fakes/fake-chat';
import { isPermanent } from '../types';
import { notifyChatHandler } from './notify-chat';

let slack: FakeChat;
let mattermost: FakeChat;
beforeAll(async () => {
  slack = await startFakeChat();
  mattermost = await startFakeChat({ style: 'mattermost', token: 'mm-hook' });
});
afterAll(async () => {
  await slack.close();
  await mattermost.close();
});

describe('notify.chat', () => {
  it('posts Slack field names and drops unset overrides', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*1.4.0* is live' } }];
    const { outputs, logs } = await callAction(notifyChat, notifyChatHandler, {
      webhookUrl: slack.webhookUrl, text: '1.4.0 is live', channel: '#releases', iconEmoji: ':rocket:', blocks,
    });
    expect(outputs).toEqual({ status: 200 });
    expect(slack.messages).toEqual([{ text: '1.4.0 is live', channel: '#releases', icon_emoji: ':rocket:', blocks }]);
    expect(slack.seen[0].headers['content-type']).toBe('application/json');
    expect(logs.join('\n')).not.toContain('secret'); // the token lives in the URL path
  });

  it('accepts the empty 200 Mattermost may answer', async () => {
    const { outputs } = await callAction(notifyChat, notifyChatHandler, { webhookUrl: mattermost.webhookUrl, text: 'hi', username: 'railyard' });
    expect(outputs).toEqual({ status: 200 });
    expect(mattermost.messages).toEqual([{ text: 'hi', username: 'railyard' }]);
  });

  it('fails permanently on a revoked webhook, with the reason Slack gave', async () => {
    const err = await callAction(notifyChat, notifyChatHandler, { webhookUrl: `${slack.url}/hooks/revoked`, text: 'x' }).catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toMatch(/answered 404: no_service/);
    expect((err as Error).message).not.toContain('revoked'); // names the host, not the secret URL
  });

  it('requires text and an http(s) URL', () => {
    expect(notifyChat.params.safeParse({ webhookUrl: slack.webhookUrl, text: '' }).success).toBe(false);
    expect(notifyChat.params.safeParse({ webhookUrl: 'ftp://x/y', text: 'a' }).success).toBe(false);
  });
});
