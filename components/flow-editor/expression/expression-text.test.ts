import { describe, expect, it } from 'vitest';
import { expressionBeforeCursor, expressionProblems, pathAtCursor, templateSpans } from './expression-text';

describe('templateSpans', () => {
  it('finds each expression with its offsets, nested braces included', () => {
    const text = 'a {{ event.id }} b {{ {"x": {"y": 1}} }}';
    const { spans, unclosedAt } = templateSpans(text);
    expect(spans.map((s) => text.slice(s.from, s.to))).toEqual(['event.id', '{"x": {"y": 1}}']);
    expect(unclosedAt).toBeNull();
  });

  it('reports an unclosed {{', () => {
    expect(templateSpans('x {{ event').unclosedAt).toBe(2);
  });
});

describe('expressionProblems', () => {
  it('underlines the token where JSONata stops, inside the template', () => {
    const text = 'v{{ a b }}';
    const [p] = expressionProblems(text, 'template');
    expect(text.slice(p.from, p.to)).toBe('b');
    expect(p.message).toMatch(/Syntax error/);
  });

  it('marks an unexpected end at the last character, and an unclosed {{ to the end', () => {
    const text = '{{ event.payload. }} and {{ x';
    const problems = expressionProblems(text, 'template');
    expect(problems).toHaveLength(2);
    expect(text.slice(problems[0].from, problems[0].to)).toBe('.');
    expect(text.slice(problems[1].from)).toBe('{{ x');
  });

  it('checks a condition as one expression, with or without {{ }}', () => {
    expect(expressionProblems('event.payload.ok = true', 'expression')).toEqual([]);
    expect(expressionProblems('{{ event.payload.ok = }}', 'expression')).toHaveLength(1);
    expect(expressionProblems('', 'expression')).toEqual([]);
    expect(expressionProblems('plain text, no template', 'template')).toEqual([]);
  });
});

describe('completion position', () => {
  it('is inside an open {{ in a template, anywhere in a condition', () => {
    expect(expressionBeforeCursor('a {{ event.pa', 13, 'template')).toBe(' event.pa');
    expect(expressionBeforeCursor('a {{ x }} b', 11, 'template')).toBeNull();
    expect(expressionBeforeCursor('event.pa', 8, 'expression')).toBe('event.pa');
  });

  it('reads the dotted path being typed, through predicates and backticks', () => {
    expect(pathAtCursor(' event.payload.commits[0].au')).toEqual({ path: ['event', 'payload', 'commits'], prefix: 'au' });
    expect(pathAtCursor('steps.`my-step`.outputs.')).toEqual({ path: ['steps', 'my-step', 'outputs'], prefix: '' });
    expect(pathAtCursor('$count(ev')).toEqual({ path: [], prefix: 'ev' });
    expect(pathAtCursor('$stri')).toBeNull();
    expect(pathAtCursor('$x.y')).toBeNull();
  });
});
