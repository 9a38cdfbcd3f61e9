import { describe, expect, it } from 'vitest';
import { actionCatalog, describeAction } from '@/engine/actions/catalog';
import { describeField, describeParams, emptyValue, type JsonSchema } from './field-kind';
import { issuesAt } from './field-issues';
import { defaultLabel, duplicateKeys, fromExpressionText, isExpressionValue, orTemplate, parseJsonText, parseNumberText, rowsToRecord, toExpressionText } from './value-convert';

const paramsOf = (id: keyof typeof actionCatalog) => describeAction(actionCatalog[id]).params as JsonSchema;
const fieldsOf = (id: keyof typeof actionCatalog) => Object.fromEntries(describeParams(paramsOf(id), []).map((f) => [f.key, f]));

describe('describeField over the real catalog', () => {
  it('maps http.request: uri string, enum with default, record, unknown, anyOf, integer, nested object, array', () => {
    const f = fieldsOf('http.request');
    expect(f.url).toMatchObject({ required: true, field: { kind: 'string', format: 'uri', description: 'Absolute http(s) URL to call.' } });
    expect(f.method.field).toMatchObject({ kind: 'enum', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'GET', hasDefault: true });
    expect(f.headers.field).toMatchObject({ kind: 'record', value: { kind: 'string' } });
    expect(f.body.field.kind).toBe('json');
    expect(f.auth.field.kind).toBe('json');
    expect(f.timeoutMs.field).toMatchObject({ kind: 'number', integer: true, min: 1, max: 120000, default: 10000 });
    expect(f.retries.field).toMatchObject({ kind: 'object', fields: [{ key: 'attempts', required: false }, { key: 'delayMs', required: false }] });
    expect(f.expectStatus.field).toMatchObject({ kind: 'array', items: { kind: 'number', integer: true } });
  });

  it('maps notify.email (anyOf string | list → JSON), approval.request, vars.set, git.tag', () => {
    expect(fieldsOf('notify.email').to).toMatchObject({ required: true, field: { kind: 'json' } });
    expect(fieldsOf('approval.request').approvers.field).toMatchObject({ kind: 'array', items: { kind: 'string' }, default: [] });
    expect(fieldsOf('vars.set').values.field).toMatchObject({ kind: 'record', value: { kind: 'json' } });
    expect(fieldsOf('git.tag').ref.field).toMatchObject({ kind: 'string', default: 'HEAD' });
  });

  it('treats a nullable type as its type, and several types, no type or an empty object as JSON', () => {
    expect(describeField({ type: ['string', 'null'] }).kind).toBe('string');
    expect(describeField({ type: ['string', 'number', 'boolean'] }).kind).toBe('json');
    expect(describeField({}).kind).toBe('json');
    expect(describeField({ type: 'object' }).kind).toBe('json');
    expect(describeField({ type: 'boolean' }).kind).toBe('boolean');
  });

  it('lists keys the step has that the schema lacks, as JSON fields', () => {
    expect(describeParams(paramsOf('git.tag'), ['repo', 'colour']).map((f) => [f.key, f.field.kind])).toEqual([
      ['repo', 'string'], ['tag', 'string'], ['ref', 'string'], ['message', 'string'], ['colour', 'json'],
    ]);
  });

  it('gives an empty value of the right type for a new row', () => {
    expect(emptyValue(describeField({ type: 'string' }))).toBe('');
    expect(emptyValue(describeField({ type: 'integer', minimum: 100 }))).toBe(100);
    expect(emptyValue(describeField({ enum: ['a', 'b'] }))).toBe('a');
  });
});

describe('value conversions', () => {
  it('opens a value holding {{ in expression mode', () => {
    expect(isExpressionValue('release/{{ steps.v.outputs.version }}')).toBe(true);
    expect(isExpressionValue('plain')).toBe(false);
    expect(isExpressionValue(3)).toBe(false);
  });

  it('round-trips literals through expression mode, keeping their type', () => {
    const int = describeField({ type: 'integer' });
    expect(toExpressionText(500)).toBe('{{ 500 }}');
    expect(fromExpressionText('{{ 500 }}', int)).toBe(500);
    expect(fromExpressionText(toExpressionText({ a: [1] }), describeField({}))).toEqual({ a: [1] });
    expect(fromExpressionText('42', int)).toBe(42);
    expect(fromExpressionText('hello', describeField({ type: 'string' }))).toBe('hello');
    expect(fromExpressionText('v{{ x }}', describeField({ type: 'string' }))).toBeUndefined();
    expect(fromExpressionText('{{ event.payload }}', int)).toBeUndefined();
  });

  it('parses numbers and JSON, naming the problem', () => {
    expect(parseNumberText('12', true)).toEqual({ ok: true, value: 12 });
    expect(parseNumberText('1.5', true)).toEqual({ ok: false, error: 'a whole number is expected' });
    expect(parseNumberText('abc', false)).toEqual({ ok: false, error: 'not a number' });
    expect(parseNumberText('', false)).toEqual({ ok: true, value: undefined });
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJsonText('{"a": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^not valid JSON/);
  });

  it('takes text with {{ typed into a number or JSON input as a template', () => {
    expect(orTemplate((t) => parseNumberText(t, true))('{{')).toEqual({ ok: true, value: '{{' });
    expect(orTemplate(parseJsonText)('{{ steps.a.outputs.body }}')).toEqual({ ok: true, value: '{{ steps.a.outputs.body }}' });
    expect(orTemplate(parseJsonText)('{"a": "{{ x }}"}')).toEqual({ ok: true, value: { a: '{{ x }}' } });
    expect(orTemplate(parseJsonText)('{"a": ').ok).toBe(false);
  });

  it('shows defaults and turns rows into a record, first key wins', () => {
    expect(defaultLabel(describeField({ type: 'string', default: 'GET' }))).toBe('default: GET');
    expect(defaultLabel(describeField({ type: 'string' }))).toBeNull();
    const rows = [{ key: 'A', value: '1' }, { key: '', value: 'x' }, { key: 'A', value: '2' }];
    expect(rowsToRecord(rows)).toEqual({ A: '1' });
    expect([...duplicateKeys(rows)]).toEqual(['A']);
  });
});

describe('issuesAt', () => {
  const issue = (field: string) => ({ path: `steps.0.${field}`, step: 's', field, message: `step "s": ${field}: bad` });
  const issues = [issue('with.retries'), issue('with.retries.attempts'), issue('with.retries.colour'), issue('with.url')];

  it('shows a field its own issues and deeper ones no child shows', () => {
    expect(issuesAt(issues, 'with.retries', ['with.retries.attempts', 'with.retries.delayMs'])).toEqual(['with.retries: bad', 'with.retries.colour: bad']);
    expect(issuesAt(issues, 'with.retries.attempts')).toEqual(['with.retries.attempts: bad']);
    expect(issuesAt(issues, 'with.ur')).toEqual([]);
    expect(issuesAt(undefined, 'with.url')).toEqual([]);
  });
});
