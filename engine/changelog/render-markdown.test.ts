import { describe, expect, it } from 'vitest';
import { parseCommit } from './conventional-commit';
import { groupCommits, renderChangelog } from './render-markdown';

const commits = [
  parseCommit('1111111aaaa', 'chore: bump deps'),
  parseCommit('2222222bbbb', 'fix(cart): rounding PROJ-9'),
  parseCommit('3333333cccc', 'feat(api)!: drop v1 routes'),
  parseCommit('4444444dddd', 'feat: wishlist'),
  parseCommit('5555555eeee', 'perf: cache prices'),
  parseCommit('6666666ffff', 'Update README'),
  parseCommit('7777777aaaa', 'docs: deploy guide'),
  parseCommit('8888888bbbb', 'refactor(db): split repo'),
];

describe('groupCommits', () => {
  it('orders sections breaking first and puts unknown types in Other', () => {
    const groups = groupCommits(commits);
    expect(groups.map((g) => g.title)).toEqual([
      'Breaking changes',
      'Features',
      'Bug fixes',
      'Performance',
      'Refactoring',
      'Documentation',
      'Other',
    ]);
    expect(groups[1].commits.map((c) => c.subject)).toEqual(['wishlist']); // the breaking feat is not repeated
    expect(groups[6].commits.map((c) => c.sha)).toEqual(['1111111aaaa', '6666666ffff']);
  });
});

describe('renderChangelog', () => {
  it('renders Markdown with short shas', () => {
    expect(renderChangelog(commits.slice(0, 4), 'v1.5.0')).toBe(
      [
        '## v1.5.0',
        '',
        '### Breaking changes',
        '',
        '- **feat/api:** drop v1 routes (3333333)',
        '',
        '### Features',
        '',
        '- wishlist (4444444)',
        '',
        '### Bug fixes',
        '',
        '- **cart:** rounding PROJ-9 (2222222)',
        '',
        '### Other',
        '',
        '- **chore:** bump deps (1111111)',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to list', () => {
    expect(renderChangelog([])).toBe('_No changes._\n');
  });
});
