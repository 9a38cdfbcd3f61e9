// Groups parsed commits into the sections readers expect and renders them as Markdown. Breaking
// changes come first and are listed only there, so an upgrade note is never missed nor duplicated.
import type { ChangelogCommit } from './conventional-commit';

export const SECTIONS = [
  { title: 'Breaking changes', types: [] },
  { title: 'Features', types: ['feat'] },
  { title: 'Bug fixes', types: ['fix'] },
  { title: 'Performance', types: ['perf'] },
  { title: 'Refactoring', types: ['refactor'] },
  { title: 'Documentation', types: ['docs'] },
  { title: 'Other', types: [] },
] as const;

export type SectionTitle = (typeof SECTIONS)[number]['title'];

export function sectionOf(commit: ChangelogCommit): SectionTitle {
  if (commit.breaking) return 'Breaking changes';
  const section = SECTIONS.find((s) => (s.types as readonly string[]).includes(commit.type));
  return section?.title ?? 'Other';
}

/** Commits by section, in display order, empty sections left out; commit order is kept within one. */
export function groupCommits(commits: readonly ChangelogCommit[]): { title: SectionTitle; commits: ChangelogCommit[] }[] {
  return SECTIONS.map((s) => ({ title: s.title, commits: commits.filter((c) => sectionOf(c) === s.title) })).filter(
    (g) => g.commits.length > 0,
  );
}

export const shortSha = (sha: string): string => sha.slice(0, 7);

function line(c: ChangelogCommit, withType: boolean): string {
  // Mixed sections (breaking, other) name each entry's type, e.g. **feat/api:** or **chore:**.
  const label = [withType && c.type !== 'other' ? c.type : null, c.scope].filter(Boolean).join('/');
  return `- ${label ? `**${label}:** ` : ''}${c.subject} (${shortSha(c.sha)})`;
}

/** `title` becomes a level-2 heading (e.g. "v1.5.0"); sections are level 3 beneath it. */
export function renderChangelog(commits: readonly ChangelogCommit[], title?: string): string {
  const out: string[] = title ? [`## ${title}`, ''] : [];
  const groups = groupCommits(commits);
  if (groups.length === 0) out.push('_No changes._', '');
  for (const g of groups) {
    out.push(`### ${g.title}`, '', ...g.commits.map((c) => line(c, g.title === 'Breaking changes' || g.title === 'Other')), '');
  }
  return out.join('\n').trimEnd() + '\n';
}
