import { describe, expect, it } from 'vitest';
import { redactSecrets, secretNamesIn } from './redact';

const secrets = { TOKEN: 's3cr3t-t0ken', PASS: 'p@ss word/+?', SHORT: 'abc' };

describe('redactSecrets', () => {
  it('replaces every occurrence inside strings, deep in objects and arrays, without mutating', () => {
    const input = { a: 'Bearer s3cr3t-t0ken', list: ['x s3cr3t-t0ken y s3cr3t-t0ken', { deep: ['s3cr3t-t0ken'] }], n: 1, ok: true, none: null };
    const copy = structuredClone(input);
    expect(redactSecrets(input, secrets)).toEqual({ a: 'Bearer ***', list: ['x *** y ***', { deep: ['***'] }], n: 1, ok: true, none: null });
    expect(input).toEqual(copy);
  });

  it('catches the base64, base64url and URL-encoded forms', () => {
    const b64 = Buffer.from('p@ss word/+?').toString('base64');
    const b64url = Buffer.from('p@ss word/+?').toString('base64url');
    const url = encodeURIComponent('p@ss word/+?');
    expect(redactSecrets(`a=${b64} b=${b64url} c=https://x/?p=${url}`, secrets)).toBe('a=*** b=*** c=https://x/?p=***');
  });

  it('handles non-ASCII secrets in their base64 form', () => {
    const value = 'pässwörd-ünï';
    expect(redactSecrets(`x ${Buffer.from(value).toString('base64')}`, { U: value })).toBe('x ***');
  });

  it('prefers the longest match when one secret contains another', () => {
    expect(redactSecrets('key=abcd-efgh-ijkl', { PART: 'efgh', WHOLE: 'abcd-efgh-ijkl' })).toBe('key=***');
    expect(redactSecrets('only efgh here', { PART: 'efgh', WHOLE: 'abcd-efgh-ijkl' })).toBe('only *** here');
  });

  it('ignores values shorter than 4 characters and treats regex characters literally', () => {
    expect(redactSecrets('abc and a.c*', { SHORT: 'abc', RE: 'a.c*' })).toBe('abc and ***');
    expect(redactSecrets('aXc', { RE: 'a.c*' })).toBe('aXc');
  });

  it('returns values unchanged when there is nothing to hide', () => {
    const v = { a: 's3cr3t-t0ken' };
    expect(redactSecrets(v, {})).toBe(v);
    expect(redactSecrets(42, secrets)).toBe(42);
  });

  it('does not touch object keys', () => {
    expect(redactSecrets({ 's3cr3t-t0ken': 'v' }, secrets)).toEqual({ 's3cr3t-t0ken': 'v' });
  });
});

describe('secretNamesIn', () => {
  it('finds literal dotted references in bare expressions, sorted and unique', () => {
    expect(secretNamesIn(['"Bearer " & secrets.DEPLOY_TOKEN', 'secrets.SMTP_PASS & secrets.DEPLOY_TOKEN', '$lowercase(secrets.`API_KEY_2`)'])).toEqual([
      'API_KEY_2',
      'DEPLOY_TOKEN',
      'SMTP_PASS',
    ]);
  });

  it('names nothing for dynamic access (publishing refuses it) and ignores look-alikes', () => {
    expect(secretNamesIn([
      'secrets["SMTP_PASS"]',
      'mysecrets.TOKEN',
      'steps.fetch.outputs.secrets.TOKEN',
      'secrets.lowercase',
      'secrets.Token',
      '"plain text about secrets.X"',
    ])).toEqual([]);
  });
});

describe('redactSecrets hex forms', () => {
  it('hides the hex encoding of a secret', () => {
    const hex = Buffer.from('s3cr3t-t0ken').toString('hex');
    expect(redactSecrets(`x ${hex} ${hex.toUpperCase()}`, { T: 's3cr3t-t0ken' })).toBe('x *** ***');
  });
});
