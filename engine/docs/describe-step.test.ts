import { describe, expect, it } from 'vitest';
import { actionCatalog, describeAction } from '../actions/catalog';
import { workflowSchema } from '../workflow/schema';
import { describeStep, describeSteps, genericPhrase } from './describe-step';
import { referenceInWords, valueInWords } from './describe-value';

const catalog = Object.values(actionCatalog).map(describeAction);
const step = (action: string, w: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  workflowSchema.shape.steps.element.parse({ id: 's', action, with: w, ...extra });
const phrase = (action: string, w: Record<string, unknown>) => describeSteps([step(action, w)], catalog)[0].phrase;

describe('valueInWords', () => {
  it('reads a lone reference as where it comes from, anything else verbatim as code', () => {
    expect(valueInWords('{{ steps.version.outputs.tag }}')).toBe('`tag` from step `version`');
    expect(valueInWords('{{ event.payload.repository.full_name }}')).toBe("the event's `payload.repository.full_name`");
    expect(valueInWords('{{ secrets.JENKINS_TOKEN }}')).toBe('secret `JENKINS_TOKEN`');
    expect(valueInWords('{{ vars.version }}')).toBe('variable `version`');
    expect(valueInWords('v{{ version }}')).toBe('`v{{ version }}`');
    expect(valueInWords('{{ $uppercase(event.type) }}')).toBe('`{{ $uppercase(event.type) }}`');
    expect(valueInWords(['a', 'b', 'c'])).toBe('`a`, `b` and `c`');
    expect(valueInWords(3)).toBe('`3`');
    expect(valueInWords('say `hi`')).toBe("`say 'hi'`");
    expect(valueInWords({ version: '{{ vars.v }}', n: 2 })).toBe('`version` = variable `v` and `n` = `2`');
    expect(valueInWords({ a: { deep: 1 } })).toBe('`{"a":{"deep":1}}`');
  });

  it('shortens long values and leaves unknown roots alone', () => {
    expect(valueInWords('x'.repeat(300)).length).toBeLessThan(130);
    expect(referenceInWords('payload.a')).toBeNull();
    expect(referenceInWords('steps.build.status')).toBe('the status of step `build`');
  });
});

describe('describeStep: built-in phrase templates', () => {
  it('tags the commit with a version in a repository', () => {
    expect(phrase('git.tag', { repo: 'shop/web', tag: 'v{{ version }}' })).toBe('tags the commit with `v{{ version }}` in repository `shop/web`');
    expect(phrase('git.tag', { repo: 'shop/web', tag: '{{ steps.version.outputs.tag }}', ref: 'release/1.2' })).toBe(
      'tags `release/1.2` with `tag` from step `version` in repository `shop/web`',
    );
  });

  it('names the awaited and emitted events, with the internal source as the default', () => {
    expect(phrase('event.wait', { source: 'jenkins', type: 'build-finished', match: 'candidate.payload.build.number = steps.build.outputs.buildNumber', timeoutMs: 1_800_000 })).toBe(
      "waits for `jenkins / build-finished` where the awaited event's `payload.build.number` is `buildNumber` from step `build`, giving up after 30 minutes",
    );
    expect(phrase('event.emit', { type: 'release.ready' })).toBe('emits `railyard / release.ready`');
    expect(phrase('event.emit', { source: 'railyard', type: '{{ vars.kind }}' })).toBe('emits `railyard` / variable `kind`');
  });

  // A new built-in action fails here until it has a phrase in action-phrases.ts (and a sample here).
  it('covers every built-in action with its own phrase (never the generic one)', () => {
    const samples: Record<string, Record<string, unknown>> = {
      log: { message: 'hi', level: 'warn' },
      'approval.request': { message: 'Ship it?', approvers: ['releaser'], required: 2 },
      'vars.set': { values: { version: '1.2.0', bump: 'minor' } },
      'http.request': { url: 'https://x.example/deploy', method: 'POST' },
      'notify.chat': { webhookUrl: '{{ secrets.SLACK }}', text: 'Released', channel: '#releases' },
      'notify.email': { to: ['a@x.test', 'b@x.test'], subject: 'Released', text: '…' },
      'jenkins.build': { baseUrl: 'https://ci.example', job: 'releases/web', parameters: { VERSION: '{{ vars.version }}' }, username: 'bot', apiToken: '{{ secrets.T }}' },
      'jira.comment': { baseUrl: 'https://j.example', issue: 'REL-1', body: 'Shipped', email: 'a@x', apiToken: 't' },
      'jira.add-watchers': { baseUrl: 'https://j.example', issue: 'REL-1', watchers: ['ada', 'bob'], email: 'a@x', apiToken: 't' },
      'jira.transition': { baseUrl: 'https://j.example', issue: '{{ event.payload.issue.key }}', to: 'Done', email: 'a@x', apiToken: 't' },
      delay: { ms: 90_000 },
      'shell.run': { command: 'npm', args: ['run', 'build'], cwd: 'web' },
      'git.clone': { url: 'https://git.example/shop/web.git', ref: 'main', dir: 'web' },
      'git.create-branch': { repo: 'web', name: 'release/1.2' },
      'git.commit-file': { repo: 'web', path: 'CHANGELOG.md', content: 'x', message: 'Changelog' },
      'git.push': { repo: 'web', refs: ['release/1.2', 'v1.2.0'] },
      'git.changelog': { repo: 'web' },
      'version.next': { repo: 'web', bump: 'minor' },
    };
    const seen = new Set(['git.tag', 'event.wait', 'event.emit']);
    for (const [action, w] of Object.entries(samples)) {
      const text = phrase(action, w);
      expect(text, action).not.toMatch(/^calls /);
      seen.add(action);
    }
    expect([...seen].sort()).toEqual(Object.keys(actionCatalog).sort());
    expect(phrase('approval.request', samples['approval.request'])).toBe('asks `releaser` to approve `Ship it?` (2 approvals needed)');
    expect(phrase('jenkins.build', samples['jenkins.build'])).toBe(
      'starts Jenkins job `releases/web` on `https://ci.example` with `VERSION` = variable `version` and waits until it starts',
    );
    expect(phrase('delay', samples.delay)).toBe('waits 1.5 minutes');
    expect(phrase('shell.run', samples['shell.run'])).toBe('runs `npm run build` in `web`');
    expect(phrase('version.next', samples['version.next'])).toBe('computes the next minor version of repository `web`');
    expect(phrase('log', samples.log)).toBe('writes `hi` to the step log as a warning');
  });

  it('falls back to "calls <title> with …" for other actions, and to the id when the action is unknown', () => {
    const plugin = { id: 'plugin.deploy', title: 'Deploy', description: 'Deploys.', params: { properties: { target: { description: 'Where to.' } } } };
    const doc = describeStep(step('plugin.deploy', { target: 'web', region: 'eu', replicas: 3 }), plugin);
    expect(doc.phrase).toBe('calls Deploy with target = `web`, region = `eu`, replicas = `3`');
    expect(doc.params[0]).toEqual({ name: 'target', value: '`web`', help: 'Where to.' });
    expect(doc.params[1].help).toBeNull();
    expect(describeStep(step('acme.unknown', {}), undefined)).toMatchObject({ phrase: 'calls acme.unknown', actionTitle: 'acme.unknown', actionDescription: null });
    expect(genericPhrase('X', { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe('calls X with a = `1`, b = `2`, c = `3`, d = `4` and 2 more');
  });

  it("carries the step's description, the action's own description, param help and when it runs", () => {
    const s = step('git.tag', { repo: 'web', tag: 'v1' }, { description: 'Mark the release.', needs: ['build', 'fix'], needsOn: { fix: 'failure' }, if: 'vars.release = true' });
    const doc = describeSteps([s], catalog)[0];
    expect(doc.description).toBe('Mark the release.');
    expect(doc.actionTitle).toBe('Tag a commit');
    expect(doc.actionDescription).toMatch(/^Creates a tag/);
    expect(doc.params.find((p) => p.name === 'tag')?.help).toMatch(/^Tag name/);
    expect(doc.when).toBe('after `fix` fails and only if variable `release` is `true`');
  });
});
