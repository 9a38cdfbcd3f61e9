// Errors that mean "Postgres cannot answer now" (stalled, stopped, restarting, saturated), as
// opposed to a bug or bad input. The pg driver passes its own errors through Prisma's driver
// adapter, so both the pg wording and Prisma's codes are recognised, anywhere in the cause chain.
// Route handlers answer these with 503 + Retry-After (server/http/respond.ts), never a 500.

/** pg-pool / pg client messages for timeouts and broken connections (see node_modules/pg*). */
const PG_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'the database system is starting up',
  'the database system is shutting down',
  'terminating connection due to administrator command',
];
/** Node socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE classes 08 (connection), 53 (resources) and 57 (operator intervention, incl. statement_timeout 57014). */
const SQLSTATE = /^(08|53|57)[0-9A-Z]{3}$/;
/** Prisma: can't reach / timed out / closed, pool timeout, transaction could not start in time. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Prisma driver-adapter error kinds for the same situations. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

type Shape = { message?: unknown; code?: unknown; kind?: unknown; cause?: unknown; originalCode?: unknown };

function matches(e: Shape): boolean {
  const message = typeof e.message === 'string' ? e.message : '';
  const codes = [e.code, e.originalCode].filter((c): c is string => typeof c === 'string');
  return (
    PG_MESSAGES.some((m) => message.includes(m)) ||
    codes.some((c) => SOCKET_CODES.has(c) || SQLSTATE.test(c) || PRISMA_CODES.has(c)) ||
    (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind))
  );
}

export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    if (matches(current as Shape)) return true;
    if (current instanceof AggregateError && current.errors.some((x) => isDatabaseUnavailable(x))) return true;
    current = (current as Shape).cause;
  }
  return false;
}
