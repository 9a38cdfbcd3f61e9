import { describe, expect, it } from 'vitest';
import { formatHeaderLines, MAX_HEADER_LINES, parseHeaderLines } from './header-lines';

describe('parseHeaderLines (headers typed on the Simulate page)', () => {
  it('reads Name: value lines, lower-cases names, keeps colons in values and skips blank lines', () => {
    expect(parseHeaderLines('X-GitHub-Event: push\n\n  Team : payments  \r\nX-Callback: https://ci.example:8443/hook')).toEqual({
      ok: true, headers: { 'x-github-event': 'push', team: 'payments', 'x-callback': 'https://ci.example:8443/hook' },
    });
    expect(parseHeaderLines('')).toEqual({ ok: true, headers: {} });
  });

  it('joins a name given twice as an HTTP list', () => {
    expect(parseHeaderLines('Accept: a\naccept: b')).toEqual({ ok: true, headers: { accept: 'a, b' } });
  });

  it('names the line that is not a header', () => {
    expect(parseHeaderLines('Team: payments\njust words')).toEqual({ ok: false, error: 'line 2: expected "Name: value"' });
    expect(parseHeaderLines(': value')).toEqual({ ok: false, error: 'line 1: expected "Name: value"' });
    expect(parseHeaderLines('Bad Name: x')).toMatchObject({ ok: false, error: expect.stringMatching(/^line 1: "Bad Name" is not a header name/) });
  });

  it('refuses too many headers and too long a value', () => {
    const many = Array.from({ length: MAX_HEADER_LINES + 1 }, (_, i) => `h${i}: v`).join('\n');
    expect(parseHeaderLines(many)).toEqual({ ok: false, error: `more than ${MAX_HEADER_LINES} headers` });
    expect(parseHeaderLines(`x: ${'v'.repeat(8193)}`)).toMatchObject({ ok: false, error: 'line 1: the value is longer than 8192 characters' });
  });

  it('keeps a "__proto__" header as a header: no power over the prototype', () => {
    const out = parseHeaderLines('__proto__: polluted');
    expect(out.ok && Object.getOwnPropertyDescriptor(out.headers, '__proto__')?.value).toBe('polluted');
    expect(out.ok && Object.getPrototypeOf(out.headers)).toBe(Object.prototype);
  });
});

describe('formatHeaderLines', () => {
  it('writes one line per header and leaves out masked credentials', () => {
    expect(formatHeaderLines({ 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': '[redacted]' }, '[redacted]')).toBe('x-gitlab-event: Push Hook');
  });
});
