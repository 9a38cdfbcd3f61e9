import { describe, expect, it } from 'vitest';
import { redactMessage, runMessage, trainMessage } from './message';
import { renderChat } from './render-chat';
import { renderEmail } from './render-email';

const run = runMessage(
  { id: 'r1', number: 12, status: 'failed', error: 'step "push" failed: token s3cr3t-value refused <b>', workflow: 'deploy-<web>', version: 3, event: { source: 'github', type: 'push' }, startedBy: 'Ada' },
  'failure',
  'https://railyard.example.com/',
);

describe('messages', () => {
  it('says what, for what, the outcome, the link and who started it', () => {
    expect(run.headline).toBe('deploy-<web> #12 failed');
    expect(run.link).toBe('https://railyard.example.com/runs/r1');
    expect(run.facts.map((f) => f.label)).toEqual(['Workflow', 'Outcome', 'Event', 'Started by', 'Error']);
    const train = trainMessage({ type: 'train.departed', train: { id: 't1', number: 4, version: '1.4.0', kind: 'regular' }, pipeline: { key: 'shop-web', name: 'Shop' }, startedBy: 'Pat' }, 'neutral', 'http://localhost:3000');
    expect(train.headline).toBe('shop-web 1.4.0 departed');
    expect(train.link).toBe('http://localhost:3000/trains/t1');
  });

  it('redacts secret values everywhere', () => {
    const m = redactMessage(run, { TOKEN: 's3cr3t-value' });
    expect(JSON.stringify(m)).not.toContain('s3cr3t-value');
    expect(m.facts.at(-1)?.value).toContain('***');
  });

  it('escapes HTML in e-mail and keeps a text part', () => {
    const mail = renderEmail(run);
    expect(mail.subject).toBe('[Railyard] FAILED: deploy-<web> #12 failed');
    expect(mail.html).toContain('deploy-&lt;web&gt; #12 failed');
    expect(mail.html).not.toContain('<web>');
    expect(mail.html).toContain('<a href="https://railyard.example.com/runs/r1">Open run #12</a>');
    expect(mail.text).toContain('Open run #12: https://railyard.example.com/runs/r1');
  });

  it('formats for each chat platform', () => {
    const slack = renderChat('slack', run) as { text: string; blocks: { text?: { text: string }; elements?: { text: string }[] }[] };
    expect(slack.blocks[0].text?.text).toBe('❌ *deploy-&lt;web&gt; #12 failed*');
    expect(slack.blocks[2].elements?.[0].text).toBe('<https://railyard.example.com/runs/r1|Open run #12>');
    const mm = renderChat('mattermost', run) as { text: string };
    expect(mm.text.split('\n')[0]).toBe('❌ **deploy-\\<web\\> \\#12 failed**');
    expect(mm.text).toContain('[Open run \\#12](https://railyard.example.com/runs/r1)');
    // Teams: an Adaptive Card in a message envelope, as a Teams Workflows webhook takes it.
    const teams = renderChat('teams', run) as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text?: string; color?: string; facts?: { title: string; value: string }[] }[]; actions?: unknown[] } }[] };
    expect(teams.type).toBe('message');
    expect(teams.attachments).toHaveLength(1);
    const [card] = teams.attachments;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', text: '❌ deploy-\\<web\\> \\#12 failed', color: 'Attention' });
    expect(card.content.body[1].type).toBe('FactSet');
    expect(card.content.body[1].facts!.length).toBe(run.facts.length);
    expect(card.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open run #12', url: 'https://railyard.example.com/runs/r1' }]);
    // No link, no facts: no action and no empty FactSet.
    const bare = renderChat('teams', { ...run, link: null, facts: [] }) as typeof teams;
    expect(bare.attachments[0].content.actions).toBeUndefined();
    expect(bare.attachments[0].content.body.map((b) => b.type)).toEqual(['TextBlock']);
  });
});
