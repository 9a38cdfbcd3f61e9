import { describe, expect, it } from 'vitest';
import { groupActions } from './palette-groups';

const a = (id: string, kind: string, title = id, description = '') => ({ id, kind, title, description, params: {}, outputs: {} });
const catalog = [
  a('git.tag', 'work', 'Tag a commit', 'Creates a tag'),
  a('git.clone', 'work', 'Clone a repository'),
  a('vars.set', 'meta', 'Set variables'),
  a('plugin.tcp-check', 'work', 'TCP check'),
  a('notify.chat', 'work', 'Post to chat', 'Slack or Mattermost webhook'),
];

describe('groupActions', () => {
  it('puts run logic first, systems by name, plugins last', () => {
    expect(groupActions(catalog).map((g) => [g.label, g.actions.map((x) => x.id)])).toEqual([
      ['Run logic', ['vars.set']],
      ['Git', ['git.clone', 'git.tag']],
      ['Notifications', ['notify.chat']],
      ['Plugins', ['plugin.tcp-check']],
    ]);
  });
  it('searches ids, titles and descriptions, every word', () => {
    expect(groupActions(catalog, 'slack').flatMap((g) => g.actions.map((x) => x.id))).toEqual(['notify.chat']);
    expect(groupActions(catalog, 'git tag').flatMap((g) => g.actions.map((x) => x.id))).toEqual(['git.tag']);
    expect(groupActions(catalog, 'nothing-like-this')).toEqual([]);
  });
});
