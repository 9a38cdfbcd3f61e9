// Inputs for tests/integration/fuzz.test.ts: a seeded generator (same run every time, so a finding
// can be replayed) and pools of odd strings and bodies, each malformed for every API schema.
export type Rng = { next: () => number; int: (n: number) => number; chance: (p: number) => boolean; pick: <T>(a: readonly T[]) => T };

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, chance: (p) => next() < p, pick: (arr) => arr[int(arr.length)] };
}

/** Path segments and ids: none names a real source, workflow, run, event or secret. */
export const ODD: readonly string[] = [
  '', ' ', '.', '..', '../', '../../etc/passwd', '..%2f..%2f', '%', '%zz', '%00', 'a/b', 'a\\b',
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', 'ü𝄞✓', 'Ω'.repeat(300), 'x'.repeat(5000), 'y'.repeat(70_000),
  'null', 'undefined', 'NaN', '-1', '0', '1e400', '__proto__', 'constructor', 'prototype',
  '<script>alert(1)</script>', "'; DROP TABLE \"Event\"; --", '{{ secrets.X }}', '$(id)', '\n', '\r\n', '\t',
  'ckxxxxxxxxxxxxxxxxxxxxxxx', 'GENERIC', 'Github', 'NO_SUCH_SECRET', 'lower_case_secret', 'x'.repeat(65),
];

/** Invalid for both GET /api/runs and GET /api/events (unknown parameters are ignored, so none here). */
export const QUERY_JUNK: readonly string[] = [
  'limit=abc', 'limit=-1', 'limit=0', 'limit=1.5', 'limit=1e400', 'limit=201', 'limit=NaN', 'limit=%00',
  'before=&limit=2', 'before=%00', 'limit=' + '9'.repeat(500), 'limit=1&limit=abc&before=%ff%fe',
  'status=bogus&limit=x', 'limit=%F0%9F%92%A9', 'workflow=a%00b&source=%00',
];

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const randomBytes = (r: Rng, n: number) => Buffer.from(Array.from({ length: n }, () => r.int(256)));

type Gen = (r: Rng) => string | Buffer;

/** Bodies refused even with valid credentials: unparseable, too large, too deep or unstorable. */
export const REFUSED: readonly Gen[] = [
  () => '',
  () => '   ',
  () => '{',
  () => '{"a":',
  () => '[1,2',
  () => 'nul',
  () => '{"a":1}{"b":2}',
  () => "{'single': 'quotes'}",
  () => '{"a":1,}',
  () => 'NaN',
  () => '\ufeff',
  () => Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // UTF-16 with BOM
  () => Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), // invalid UTF-8
  (r) => randomBytes(r, 1 + r.int(2000)),
  (r) => deepArray(200_000 + r.int(10)).slice(1), // unbalanced
  () => `{"big":"${'x'.repeat(1.1 * 1024 * 1024)}"}`, // over the 1 MiB intake limit
  (r) => 'payload=' + 'a'.repeat(r.int(3000)), // a form, not JSON
  (r) => deepArray(129 + r.int(50_000)), // valid JSON, nested too deep
  (r) => deepObject(129 + r.int(50_000)),
  () => '{"ref":"main","note":"a\\u0000b"}', // Postgres cannot store U+0000
  () => '{"a\\u0000":1}',
  () => '{"ref":"\\ud800"}', // an unpaired surrogate
  () => '[1,"ok",{"x":["\\udfffz"]}]',
];

/** Any malformed body, including JSON that parses but fits no schema. */
export const BODIES: readonly Gen[] = [
  ...REFUSED,
  () => 'null',
  () => 'true',
  () => '123',
  () => '"a string"',
  () => '[]',
  () => '[{}]',
  (r) => deepArray(1000 + r.int(20_000)),
  (r) => deepObject(1000 + r.int(20_000)),
  () => 'apiVersion: railyard/v1\nkind: Workflow\nname: [unclosed',
  () => 'a: &a [*a, *a]\nb: *a\n',
  () => `steps:\n${'  - id: s\n    action: log\n'.repeat(2000)}`,
  () => '- - - - - - - - -',
  () => ':\t:\t:',
];

const WRONG: readonly unknown[] = [5, -1, 1e308, true, null, [], {}, [[[]]], 'x'.repeat(10_000), '\u0000', { $gt: '' }];

/** JSON objects using the real field names with wrong types or junk beside them. */
export function wrongTypes(r: Rng): string {
  const w = () => r.pick(WRONG);
  const shapes: (() => Record<string, unknown>)[] = [
    () => ({ key: w(), name: w(), preset: w(), auth: w() }),
    () => ({ key: 'ok-key', name: 'n', preset: 'generic', auth: { mode: 'token', secret: 'short' } }),
    () => ({ key: 'Bad Key!', name: 'n', preset: 'nope', auth: { mode: 'token', secret: 'long-enough-secret' } }),
    () => ({ shellAllowed: w() }),
    () => ({ shellAllowed: true, extra: 1 }),
    () => ({ approve: w(), reason: w() }),
    () => ({ approve: true, reason: 'r'.repeat(2001) }),
    () => ({ eventId: w(), workflow: w(), version: w() }),
    () => ({ eventId: 'e', version: -3 }),
    () => ({ name: w(), value: w() }),
    () => ({ name: 'lower', value: 'v' }),
    () => ({ value: w() }),
    () => ({ value: 'v', other: true }),
    () => JSON.parse('{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}'),
    () => ({ [r.pick(['', ' ', '\u0000', 'ü'])]: w() }),
  ];
  return JSON.stringify(r.pick(shapes)());
}
