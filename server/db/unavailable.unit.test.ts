import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises the pg driver’s timeouts and broken connections, also as a cause', () => {
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
    expect(isDatabaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]))).toBe(true);
  });

  it('recognises SQLSTATE connection, resource and operator classes and Prisma’s codes', () => {
    expect(isDatabaseUnavailable(withCode('canceling statement due to statement timeout', '57014'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('sorry, too many clients already', '53300'))).toBe(true);
    expect(isDatabaseUnavailable(withCode("Can't reach database server", 'P1001'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('Unable to start a transaction in the given time', 'P2028'))).toBe(true);
  });

  it('leaves bugs and bad input alone (they stay 4xx/500)', () => {
    expect(isDatabaseUnavailable(withCode('Unique constraint failed', 'P2002'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('invalid input syntax for type uuid', '22P02'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
