import { describe, expect, it } from 'vitest';
import { testCatalog, demoYaml } from './test-catalog';
import { parseWorkflowText, toWorkflowYaml, WorkflowTextError } from './text';
import { validateWorkflow } from './validate';
import type { WorkflowDefinition } from './schema';

function mustValidate(input: unknown): WorkflowDefinition {
  const result = validateWorkflow(input, testCatalog);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.workflow;
}

const richer = (): WorkflowDefinition => {
  const def = mustValidate(parseWorkflowText(demoYaml));
  def.trigger.filter = 'event.payload.pipeline = "web"';
  def.owner = 'Delivery team <delivery@example.com>';
  def.steps.push({
    id: 'notify',
    action: 'http.request',
    description: 'Tell chat: "done" # not a comment',
    needs: ['branch', 'version'],
    if: '{{ vars.notify }}',
    with: { url: 'https://chat.example/hook', method: 'POST', body: { text: 'Release {{ steps.version.outputs.version }}', n: [1, null, true] } },
    timeoutMs: 5000,
  });
  def.layout = { version: { x: 0, y: 0 }, branch: { x: 240, y: 0.5 }, notify: { x: -10, y: 120 } };
  return def;
};

describe('parseWorkflowText', () => {
  it('reads the demo workflow of DESIGN.md', () => {
    const def = mustValidate(parseWorkflowText(demoYaml));
    expect(def.steps.map((s) => s.id)).toEqual(['version', 'branch']);
    expect(def.enabled).toBe(true);
    expect(def.concurrency).toEqual({ key: '{{ event.payload.pipeline }}', onConflict: 'queue' });
    expect(def.steps[1].retry).toEqual({ attempts: 3, backoff: 'exponential', delayMs: 2000 });
  });

  it('accepts JSON, because JSON is YAML', () => {
    const json = JSON.stringify(richer());
    expect(mustValidate(parseWorkflowText(json))).toEqual(richer());
  });

  it('reports syntax errors with line and column', () => {
    const bad = 'apiVersion: railyard/v1\nsteps:\n  - id: a\n    with: { x: [1, 2 }\n';
    const err = (() => { try { parseWorkflowText(bad); } catch (e) { return e; } })() as WorkflowTextError;
    expect(err).toBeInstanceOf(WorkflowTextError);
    expect(err.line).toBe(4);
    expect(err.column).toBeGreaterThan(1);
    expect(err.message).toMatch(/^line 4, column \d+: /);
  });

  it('refuses duplicate keys and empty text', () => {
    expect(() => parseWorkflowText('name: a\nname: b\n')).toThrow(/line 2.*unique/);
    expect(() => parseWorkflowText('  \n')).toThrow(WorkflowTextError);
    expect(() => parseWorkflowText('# just a comment\n')).toThrow(/no content/);
  });
});

describe('toWorkflowYaml', () => {
  it('round-trips: parse(toYaml(def)) validates to the same definition', () => {
    for (const def of [mustValidate(parseWorkflowText(demoYaml)), richer()]) {
      const text = toWorkflowYaml(def);
      expect(mustValidate(parseWorkflowText(text))).toEqual(def);
      expect(toWorkflowYaml(mustValidate(parseWorkflowText(text)))).toBe(text); // stable output
    }
  });

  it('writes keys in a fixed order and omits empty defaults', () => {
    const text = toWorkflowYaml(richer());
    const top = text.split('\n').filter((l) => /^\w/.test(l)).map((l) => l.split(':')[0]);
    expect(top).toEqual(['apiVersion', 'kind', 'name', 'description', 'owner', 'enabled', 'trigger', 'concurrency', 'steps', 'layout']);
    const notify = text.slice(text.indexOf('  - id: notify'), text.indexOf('layout:'));
    const keys = notify.split('\n').map((l) => l.match(/^ {2}(?:- | {2})(\w+):/)?.[1]).filter(Boolean);
    expect(keys).toEqual(['id', 'action', 'description', 'needs', 'if', 'with', 'timeoutMs']);
    const version = text.slice(text.indexOf('  - id: version'), text.indexOf('  - id: branch'));
    expect(version).not.toMatch(/needs:/);
    expect(text).not.toMatch(/with: \{\}|needs: \[\]/);
  });

  it('omits empty description, absent concurrency and layout', () => {
    const def = mustValidate({ apiVersion: 'railyard/v1', kind: 'Workflow', name: 'x', trigger: { source: 's', type: 't' }, steps: [{ id: 'a', action: 'log', with: { message: 'hi' } }] });
    const text = toWorkflowYaml(def);
    expect(text).not.toMatch(/description|owner|concurrency|layout|filter/);
    expect(text).toMatch(/enabled: true/);
  });
});
