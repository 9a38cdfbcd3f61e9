// The one rule for what an event type may look like. The intake (generic endpoint and preset
// readers), workflow triggers, event.emit and event.wait all use it, so a workflow can never
// listen for a type the intake would refuse, and a tool's own names are kept as the tool spells
// them: Bitbucket's `repo:push`, GitHub's `pull_request.closed`, Jenkins' `build-completed`.
//
// Allowed: letters, digits, and `.` `_` `-` `:` between them; it starts and ends with a letter
// or digit (a trailing `.` or `:` is almost always a template that rendered empty); at most 100
// characters. Excluded on purpose: `/` (types are URL path segments and registry keys
// `<source>/<type>`), `#` (it separates a delivery id from a secondary type, see delivery.ts),
// `%`, whitespace and anything else a header could smuggle into the UI.
//
// Colons are safe downstream: no BullMQ job id and no Redis key embeds a type (job ids are built
// from event, run and step ids: server/queue/jobs.ts), and Postgres stores the type as text.
import { z } from 'zod';

export const EVENT_TYPE_MAX_LENGTH = 100;
// The lookahead bounds the length, so the pattern alone is the whole rule (JSON Schema for the editor).
export const EVENT_TYPE_PATTERN = /^(?=.{1,100}$)[A-Za-z0-9](?:[A-Za-z0-9._:-]*[A-Za-z0-9])?$/;
export const EVENT_TYPE_RULE =
  'letters, digits and ".", "_", "-", ":" between them, starting and ending with a letter or digit, at most 100 characters';

/** Why a type is refused, or null when it is a valid event type. */
export function eventTypeProblem(type: string): string | null {
  if (type.length === 0) return 'it is empty';
  if (type.length > EVENT_TYPE_MAX_LENGTH) return `it is longer than ${EVENT_TYPE_MAX_LENGTH} characters`;
  if (!EVENT_TYPE_PATTERN.test(type)) return `use ${EVENT_TYPE_RULE}`;
  return null;
}

export const isValidEventType = (type: string): boolean => eventTypeProblem(type) === null;

/** A self-contained sentence naming the refused type (shortened when long). */
export function invalidEventTypeMessage(type: string): string {
  const shown = type.length > 60 ? `${type.slice(0, 60)}…` : type;
  return `invalid event type "${shown}": ${eventTypeProblem(type) ?? 'unknown problem'}`;
}

export type SegmentResult = { ok: true; type: string } | { ok: false; error: string };

/**
 * The type in `/api/events/{source}/{type}`. Next decodes dynamic segments once, but clients
 * differ in whether they escape `:` (`repo%3Apush` from encodeURIComponent, a raw `repo:push`
 * from curl), and a value that still holds a `%` cannot be a valid type, so it is decoded once
 * more here: whichever way the colon travelled, the stored type is `repo:push`.
 */
export function typeFromPathSegment(segment: string): SegmentResult {
  let type = segment;
  if (segment.includes('%')) {
    try {
      type = decodeURIComponent(segment);
    } catch {
      return { ok: false, error: `event type "${segment.slice(0, 60)}" is not valid percent-encoding` };
    }
  }
  return isValidEventType(type) ? { ok: true, type } : { ok: false, error: invalidEventTypeMessage(type) };
}

/** A zod string for schemas whose field is an event type (triggers, event.emit, event.wait). */
export const eventTypeString = () =>
  z.string().regex(EVENT_TYPE_PATTERN, { error: (issue) => invalidEventTypeMessage(String(issue.input)) });
