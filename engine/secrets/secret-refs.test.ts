import { describe, expect, it } from 'vitest';
import { secretRefsIn } from './secret-refs';

describe('secretRefsIn', () => {
  it.each([
    ['secrets.TOKEN', ['TOKEN']],
    ['"Bearer " & secrets.TOKEN', ['TOKEN']],
    ['secrets.`TOKEN`', ['TOKEN']],
    ['$join($split(secrets.TOKEN, ""), " ")', ['TOKEN']],
    ['x ? secrets.A : secrets.B', ['A', 'B']],
    ['secrets.TOKEN[0]', ['TOKEN']],
    ['/* note */ secrets . TOKEN', ['TOKEN']],
    ['steps.a.outputs.secrets.TOKEN', []],
    ['mysecrets.TOKEN', []],
    ['"secrets.TOKEN"', []],
  ])('%s names %j and is not dynamic', (expr, names) => {
    expect(secretRefsIn(expr)).toEqual({ names, dynamic: false });
  });

  it.each([
    'secrets',
    'secrets["TOKEN"]',
    "secrets['TO' & 'KEN']",
    '$lookup(secrets, "TOKEN")',
    '$keys(secrets)',
    '$each(secrets, function($v) { $v })',
    '$spread(secrets)',
    '$string(secrets)',
    'secrets.*',
    'secrets.**',
    'secrets.(TOKEN)',
    '($s := secrets; $s.TOKEN)',
    '$$.secrets.TOKEN',
    '$.secrets',
    'secrets[0].TOKEN',
    'secrets^(TOKEN)',
    'event.payload.x ~> |$|{"k": secrets}|',
    '[1,2].(secrets)',
  ])('%s is dynamic access', (expr) => {
    expect(secretRefsIn(expr).dynamic).toBe(true);
  });

  it('treats an expression that does not parse as naming nothing (it fails validation anyway)', () => {
    expect(secretRefsIn('secrets.(')).toEqual({ names: [], dynamic: false });
  });
});
