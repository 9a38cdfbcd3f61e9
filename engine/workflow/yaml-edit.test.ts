import { describe, expect, it } from 'vitest';
import { renameStep } from './rename-step';
import { workflowSchema, type WorkflowDefinition } from './schema';
import { parseWorkflowText, toWorkflowYaml } from './text';
import { applyToYaml } from './yaml-edit';

const AUTHORED = `# Release process of the shop (owned by the delivery team)
apiVersion: railyard/v1
kind: Workflow
name: start-release
trigger: { source: railyard, type: release.started }
steps:
  # the version comes from the latest tag
  - id: version
    action: version.next
    with:
      repo: "shop/web" # quoted on purpose
      bump: minor
  - id: branch
    action: git.create-branch
    needs: [ version ]
    with: { repo: shop/web, name: "release/{{ steps.version.outputs.version }}" }
    retry: { attempts: 3 }
  - id: notify-team
    action: log
    needs: [ branch ]
`;
const parse = (text: string): WorkflowDefinition => workflowSchema.parse(parseWorkflowText(text));

describe('applyToYaml', () => {
  it('round-trips an authored text exactly', () => {
    expect(applyToYaml(AUTHORED, parse(AUTHORED))).toBe(AUTHORED);
  });

  it('changes one param and keeps every comment and the quoting of untouched values', () => {
    const def = parse(AUTHORED);
    def.steps[0].with.bump = 'major';
    const out = applyToYaml(AUTHORED, def);
    expect(out).toBe(AUTHORED.replace('bump: minor', 'bump: major'));
    expect(parse(out)).toEqual(def);
  });

  it('adds a step and a layout in canonical style, keeping the rest', () => {
    const def = parse(AUTHORED);
    def.steps.push(workflowSchema.shape.steps.element.parse({ id: 'notify', action: 'notify.chat', needs: ['branch'], with: { text: 'cut' } }));
    def.layout = { version: { x: 0, y: 0 } };
    const out = applyToYaml(AUTHORED, def);
    expect(out.startsWith(AUTHORED)).toBe(true);
    expect(out).toContain('  - id: notify\n    action: notify.chat\n    needs: [ branch ]');
    expect(out).toContain('layout:\n  version: { x: 0, y: 0 }');
    expect(parse(out)).toEqual(def);
  });

  it('follows a rename and a removal with the comments staying on their step', () => {
    const renamed = renameStep(parse(AUTHORED), 'version', 'ver');
    if (!renamed.ok) throw new Error(renamed.error);
    const out = applyToYaml(AUTHORED, renamed.definition);
    expect(out).toContain('  # the version comes from the latest tag\n  - id: ver\n');
    expect(out).toContain('needs: [ ver ]');
    expect(out).toContain('{{ steps.ver.outputs.version }}');
    const removed = { ...renamed.definition, steps: renamed.definition.steps.slice(0, 1) };
    const out2 = applyToYaml(out, removed);
    expect(out2).not.toContain('git.create-branch');
    expect(out2).toContain('repo: "shop/web" # quoted on purpose');
  });

  it('keeps an authored owner, writes a new one after the description and drops a removed one', () => {
    const owned = AUTHORED.replace('name: start-release\n', 'name: start-release\nowner: delivery team # ask in #delivery\n');
    expect(applyToYaml(owned, parse(owned))).toBe(owned);
    expect(parse(owned).owner).toBe('delivery team');
    const def = { ...parse(AUTHORED), description: 'Cuts a release.', owner: 'Ada' };
    const out = applyToYaml(toWorkflowYaml(parse(AUTHORED)), def);
    expect(out).toMatch(/^description: Cuts a release\.\nowner: Ada\nenabled: true$/m);
    expect(parse(out)).toEqual(def);
    const { owner: _gone, ...withoutOwner } = parse(owned);
    expect(applyToYaml(owned, withoutOwner)).not.toContain('owner');
  });

  it('writes steps added to an emptied list in block style, not as one flow line', () => {
    const def = parse(AUTHORED);
    const emptied = applyToYaml(AUTHORED, { ...def, steps: [] });
    expect(emptied).toMatch(/\[\]\n$/); // an empty list prints (and parses back) as flow
    const drawn = { ...def, steps: [{ ...def.steps[0], id: 'a' }, { ...def.steps[2], id: 'b', needs: ['a'] }] };
    const out = applyToYaml(emptied, drawn);
    expect(out).toMatch(/^steps:\n {2}- id: a\n/m);
    expect(out).toContain('needs: [ a ]');
    expect(out).toContain('# Release process of the shop');
    expect(parse(out)).toEqual(drawn);
  });

  it('falls back to the canonical form when the previous text is not a mapping', () => {
    const def = parse(AUTHORED);
    expect(applyToYaml('- just a list', def)).toBe(toWorkflowYaml(def));
    expect(applyToYaml('key: [unclosed', def)).toBe(toWorkflowYaml(def));
  });
});
