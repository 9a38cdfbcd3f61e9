// Keeps live messages small: a step travels without its logs, logs travel as deltas split into
// messages under the cap, and anything still too large is cut with a marker that tells the client
// to fetch the full data. The Redis stream holds thousands of entries and every browser receives
// every entry, so one 5 MB output must not become a 5 MB message.
import type { LiveLogMessage, LiveMessage, LiveStep } from '../dto/live';
import type { LogLine, StepRunDto } from '../dto/runs';
import { utf8Length } from '../run/log-budget';

const sizeOf = (value: unknown) => utf8Length(JSON.stringify(value));
const ENVELOPE = 200; // kind, ids, offset
const CUT = '… (cut for the live view)';

function cutText(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  // Escapes can triple a character in JSON; halve until it fits rather than compute exactly.
  let keep = Math.max(0, Math.floor(maxBytes / 2));
  while (keep > 0 && sizeOf(text.slice(0, keep)) > maxBytes) keep = Math.floor(keep / 2);
  return text.slice(0, keep) + CUT;
}

/** The step without logs; inputs and outputs replaced by a marker when the message would pass the cap. */
export function toLiveStep(step: StepRunDto, maxBytes: number): LiveStep {
  const { logs, ...rest } = step;
  const live: LiveStep = { ...rest, logCount: logs.length };
  if (sizeOf(live) + ENVELOPE <= maxBytes) return live;
  const marker = (v: unknown) => (v === null ? null : `(${sizeOf(v)} bytes: too large for the live view, shown when the run is reloaded)`);
  const small: LiveStep = { ...live, inputs: marker(live.inputs), outputs: marker(live.outputs), truncated: true };
  if (small.error) small.error = cutText(small.error, Math.floor(maxBytes / 2));
  return small;
}

/** Lines appended at `offset`, as as many messages as the cap needs, in order. */
export function logDeltas(ids: { runId: string; stepId: string }, offset: number, lines: LogLine[], maxBytes: number): LiveLogMessage[] {
  const out: LiveLogMessage[] = [];
  let batch: LogLine[] = [];
  let size = ENVELOPE;
  let at = offset;
  const push = () => {
    if (batch.length) out.push({ kind: 'log', ...ids, offset: at, lines: batch });
    at += batch.length;
    batch = [];
    size = ENVELOPE;
  };
  for (const line of lines) {
    const fitted = fitLine(line, maxBytes - ENVELOPE);
    const cost = sizeOf(fitted) + 1;
    if (size + cost > maxBytes) push();
    batch.push(fitted);
    size += cost;
  }
  push();
  return out;
}

/** One message replacing everything from `offset`: the first line (the marker) and as many of the
 *  newest lines as fit. The full tail is in the database; the client fetches it once the step ends. */
export function tailMessage(ids: { runId: string; stepId: string }, offset: number, lines: LogLine[], maxBytes: number): LiveLogMessage {
  const [first, ...rest] = lines;
  const kept: LogLine[] = [];
  let size = ENVELOPE + (first ? sizeOf(first) : 0);
  for (let i = rest.length - 1; i >= 0; i--) {
    const cost = sizeOf(rest[i]) + 1;
    if (size + cost > maxBytes) break;
    kept.unshift(rest[i]);
    size += cost;
  }
  return { kind: 'log', ...ids, offset, lines: first ? [first, ...kept] : [], replace: true };
}

function fitLine(line: LogLine, maxBytes: number): LogLine {
  return sizeOf(line) <= maxBytes ? line : { ...line, message: cutText(line.message, maxBytes - 100) };
}

/** Last guard before a message is published: whatever its kind, its JSON stays under `maxBytes`. */
export function capLiveMessage(msg: LiveMessage, maxBytes: number): LiveMessage {
  if (sizeOf(msg) <= maxBytes) return msg;
  switch (msg.kind) {
    case 'step':
      return { ...msg, step: shrinkStep(msg.step, maxBytes) };
    case 'log':
      return { ...msg, lines: msg.lines.map((l) => fitLine(l, Math.floor(maxBytes / Math.max(1, msg.lines.length)))) };
    case 'run':
      return { ...msg, run: { ...msg.run, error: msg.run.error && cutText(msg.run.error, Math.floor(maxBytes / 2)) } };
    case 'event':
      // An event with very many runs: the newest ones, the list page links to the rest.
      return { ...msg, event: { ...msg.event, runs: msg.event.runs.slice(-Math.max(1, Math.floor(maxBytes / 400))) } };
    case 'train':
      return msg; // a summary of fixed size
    default: {
      const never: never = msg;
      return never;
    }
  }
}

function shrinkStep(step: LiveStep, maxBytes: number): LiveStep {
  const { logCount, truncated: _, ...rest } = step;
  const shaped = toLiveStep({ ...rest, logs: [] }, maxBytes);
  return { ...shaped, logCount, truncated: true };
}
