// Conventional Commits 1.0.0 headers: `type(scope)!: subject`, plus the `BREAKING CHANGE:` footer.
// A message that does not follow the convention is kept as type "other" rather than dropped, so a
// changelog never silently loses a commit.
import { extractTickets } from './tickets';

export type ChangelogCommit = {
  sha: string;
  type: string;
  scope: string | null;
  subject: string;
  breaking: boolean;
  tickets: string[];
};

const HEADER = /^(?<type>[A-Za-z]+)(?:\((?<scope>[^()]*)\))?(?<bang>!)?: +(?<subject>\S.*)$/;
// The spec allows "BREAKING CHANGE" and the synonym "BREAKING-CHANGE" as footer tokens.
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: /m;

export function parseCommit(sha: string, subjectLine: string, body = ''): ChangelogCommit {
  const header = subjectLine.trim();
  const m = HEADER.exec(header);
  const tickets = extractTickets(header, body);
  const breakingFooter = BREAKING_FOOTER.test(body);
  if (!m?.groups) return { sha, type: 'other', scope: null, subject: header, breaking: breakingFooter, tickets };
  const { type, scope, bang, subject } = m.groups;
  return {
    sha,
    type: type.toLowerCase(),
    scope: scope?.trim() || null,
    subject: subject.trim(),
    breaking: bang === '!' || breakingFooter,
    tickets,
  };
}
