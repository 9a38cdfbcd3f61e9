// One phrase template per built-in action (engine/actions/catalog.ts). Each reads the step's `with`
// through PhraseParams: `v(name)` is the value in words (undefined when not given), `raw(name)` the
// value itself. A missing required value reads generically ("a tag") rather than failing: the
// Processes view also shows workflows that are not valid any more.
import { code, durationInWords, namedValuesInWords, valueInWords } from './describe-value';
import { conditionInWords } from './filter-words';

export interface PhraseParams {
  raw: (name: string) => unknown;
  v: (name: string) => string | undefined;
  has: (name: string) => boolean;
}

type Phrase = (p: PhraseParams) => string;

const isLiteral = (x: unknown): x is string => typeof x === 'string' && !x.includes('{{');

/** `jenkins / build-finished` as one code span when both are literal, else each part in words. */
function eventName(p: PhraseParams, defaultSource?: string): string {
  const source = p.raw('source') ?? defaultSource;
  const type = p.raw('type');
  if (isLiteral(source) && isLiteral(type)) return code(`${source} / ${type}`);
  return `${source === undefined ? 'an event' : valueInWords(source)} / ${type === undefined ? 'any type' : valueInWords(type)}`;
}

const repo = (p: PhraseParams) => ` in repository ${p.v('repo') ?? 'the workspace'}`;

function namedValues(record: unknown, limit = 3): string {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return valueInWords(record);
  return namedValuesInWords(record as Record<string, unknown>, limit);
}

export const ACTION_PHRASES: Record<string, Phrase> = {
  log: (p) => {
    const level = p.raw('level');
    const as = level === 'warn' ? ' as a warning' : level === 'error' ? ' as an error' : '';
    return `writes ${p.v('message') ?? 'a message'} to the step log${as}`;
  },
  'event.wait': (p) => {
    const match = p.raw('match');
    const where = typeof match === 'string' ? ` where ${conditionInWords(match)}` : '';
    const timeout = typeof p.raw('timeoutMs') === 'number' ? (p.raw('timeoutMs') as number) : 3_600_000;
    return `waits for ${eventName(p)}${where}, giving up after ${durationInWords(timeout)}`;
  },
  'event.emit': (p) => `emits ${eventName(p, 'railyard')}${p.has('payload') ? ` with payload ${p.v('payload')}` : ''}`,
  'approval.request': (p) => {
    const approvers = p.raw('approvers');
    const who = Array.isArray(approvers) && approvers.length > 0 ? p.v('approvers')! : 'a releaser or above';
    const required = p.raw('required');
    const needed = typeof required === 'number' && required > 1 ? ` (${required} approvals needed)` : '';
    return `asks ${who} to approve ${p.v('message') ?? 'the step'}${needed}`;
  },
  'vars.set': (p) => `sets ${namedValues(p.raw('values'), 4)}`,
  'http.request': (p) => `sends ${isLiteral(p.raw('method')) ? `a ${p.raw('method') as string}` : 'a GET'} request to ${p.v('url') ?? 'a URL'}`,
  'notify.chat': (p) => `posts ${p.v('text') ?? 'a message'} to ${p.v('channel') ?? 'the chat webhook'}`,
  'notify.email': (p) => `e-mails ${p.v('to') ?? 'someone'} with the subject ${p.v('subject') ?? '(none)'}`,
  'jenkins.build': (p) => {
    const params = p.has('parameters') ? ` with ${namedValues(p.raw('parameters'))}` : '';
    const wait = p.raw('waitForStart') === false ? '' : ' and waits until it starts';
    return `starts Jenkins job ${p.v('job') ?? 'a job'} on ${p.v('baseUrl') ?? 'Jenkins'}${params}${wait}`;
  },
  'jira.comment': (p) => `adds ${p.has('body') ? `the comment ${p.v('body')}` : 'a comment'} to Jira issue ${p.v('issue') ?? 'an issue'}`,
  'jira.add-watchers': (p) => `adds ${p.v('watchers') ?? 'people'} as watchers of Jira issue ${p.v('issue') ?? 'an issue'}`,
  'jira.transition': (p) => `moves Jira issue ${p.v('issue') ?? 'an issue'} to ${p.v('to') ?? 'another status'}`,
  delay: (p) => `waits ${typeof p.raw('ms') === 'number' ? durationInWords(p.raw('ms') as number) : p.v('ms') ?? 'a while'}`,
  'shell.run': (p) => {
    const args = p.raw('args');
    const command = Array.isArray(args) && isLiteral(p.raw('command')) ? code([p.raw('command'), ...args].join(' ')) : p.v('command') ?? 'a command';
    return `runs ${command}${p.has('cwd') ? ` in ${p.v('cwd')}` : ''}`;
  },
  'git.clone': (p) => `clones ${p.v('url') ?? 'a repository'}${p.has('ref') ? ` at ${p.v('ref')}` : ''}${p.has('dir') ? ` into ${p.v('dir')}` : ''}`,
  'git.create-branch': (p) => `creates branch ${p.v('name') ?? 'a branch'} from ${p.v('from') ?? code('HEAD')}${repo(p)}`,
  'git.commit-file': (p) =>
    `commits ${p.v('path') ?? 'a file'}${repo(p)}${p.has('branch') ? ` on branch ${p.v('branch')}` : ''} with the message ${p.v('message') ?? '(none)'}`,
  'git.tag': (p) => {
    const ref = p.raw('ref');
    const what = ref === undefined || ref === 'HEAD' ? 'the commit' : p.v('ref')!;
    return `tags ${what} with ${p.v('tag') ?? 'a tag'}${repo(p)}`;
  },
  'git.push': (p) => `pushes ${p.v('refs') ?? 'refs'} to ${p.v('remote') ?? code('origin')} from repository ${p.v('repo') ?? 'the workspace'}`,
  'git.changelog': (p) =>
    `writes the changelog of repository ${p.v('repo') ?? 'the workspace'} ${p.has('from') ? `from ${p.v('from')}` : 'since the latest tag'}${p.has('to') && p.raw('to') !== 'HEAD' ? ` to ${p.v('to')}` : ''}`,
  'version.next': (p) => {
    const bump = p.raw('bump');
    const kind = isLiteral(bump) ? bump : p.v('bump') ?? 'next';
    return `computes the next ${kind} version of repository ${p.v('repo') ?? 'the workspace'}${p.raw('snapshot') === true ? ' as a snapshot' : ''}`;
  },
};
