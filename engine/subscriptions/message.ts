// The notification itself, before any channel formats it: what happened, for what, the outcome, a
// deep link and who started it. Built from facts the caller already read; never from a raw
// payload (a payload can hold anything, secrets included), and redacted with the run's secrets.
import { redactSecrets } from '../secrets/redact';
import type { Outcome } from './policy';

export type Fact = { label: string; value: string };

export type NotificationMessage = {
  /** One line: "deploy-web #12 failed", "shop-web 1.4.0 departed". */
  headline: string;
  outcome: Outcome;
  facts: Fact[];
  link: string | null;
  linkLabel: string;
};

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;
const link = (base: string | null, path: string) => (base ? join(base, path) : null);
const who = (startedBy: string | null | undefined): Fact[] => (startedBy ? [{ label: 'Started by', value: startedBy }] : []);
const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type RunFacts = {
  id: string;
  number: number;
  status: string;
  error?: string | null;
  workflow: string;
  version: number;
  event: { source: string; type: string };
  train?: { id: string; number: number; version: string; pipeline: string } | null;
  startedBy?: string | null;
};

export function runMessage(run: RunFacts, outcome: Outcome, baseUrl: string | null): NotificationMessage {
  const facts: Fact[] = [
    { label: 'Workflow', value: `${run.workflow} (v${run.version})` },
    { label: 'Outcome', value: run.status },
    { label: 'Event', value: `${run.event.source} / ${run.event.type}` },
  ];
  if (run.train) facts.push({ label: 'Train', value: `${run.train.pipeline} #${run.train.number}` }, { label: 'Version', value: run.train.version });
  facts.push(...who(run.startedBy));
  if (run.error && run.status === 'failed') facts.push({ label: 'Error', value: clip(run.error) });
  return { headline: `${run.workflow} #${run.number} ${run.status}`, outcome, facts, link: link(baseUrl, `/runs/${run.id}`), linkLabel: `Open run #${run.number}` };
}

export type TrainFacts = {
  type: string;
  train: { id: string; number: number; version: string; kind: string };
  pipeline: { key: string; name: string };
  station?: string | null;
  startedBy?: string | null;
  reason?: string | null;
};

const TRAIN_VERBS: Record<string, string> = {
  'train.departed': 'departed',
  'train.station-reached': 'reached a station',
  'train.arrived': 'arrived',
  'train.derailed': 'derailed',
};

export function trainMessage(t: TrainFacts, outcome: Outcome, baseUrl: string | null): NotificationMessage {
  const verb = t.type === 'train.station-reached' && t.station ? `reached ${t.station}` : (TRAIN_VERBS[t.type] ?? t.type);
  const facts: Fact[] = [
    { label: 'Pipeline', value: t.pipeline.name === t.pipeline.key ? t.pipeline.key : `${t.pipeline.name} (${t.pipeline.key})` },
    { label: 'Train', value: `#${t.train.number}${t.train.kind === 'hotfix' ? ' (hotfix)' : ''}` },
    { label: 'Version', value: t.train.version },
  ];
  if (t.station) facts.push({ label: 'Station', value: t.station });
  facts.push({ label: 'Outcome', value: outcome === 'failure' ? 'derailed' : outcome === 'success' ? 'arrived' : 'in progress' });
  facts.push(...who(t.startedBy));
  if (t.reason) facts.push({ label: 'Reason', value: clip(t.reason) });
  return { headline: `${t.pipeline.key} ${t.train.version} ${verb}`, outcome, facts, link: link(baseUrl, `/trains/${t.train.id}`), linkLabel: `Open train #${t.train.number}` };
}

export type EventFacts = { id: string; source: string; type: string; receivedAt: string; deliveryId?: string | null };

export function eventMessage(e: EventFacts, outcome: Outcome, baseUrl: string | null): NotificationMessage {
  const facts: Fact[] = [
    { label: 'Event', value: `${e.source} / ${e.type}` },
    { label: 'Received', value: e.receivedAt },
  ];
  if (e.deliveryId) facts.push({ label: 'Delivery', value: clip(e.deliveryId, 100) });
  return { headline: `${e.source} / ${e.type} received`, outcome, facts, link: link(baseUrl, `/events/${e.id}`), linkLabel: 'Open event' };
}

/** The rate cap's summary: one message instead of `n`. */
export function moreMessage(n: number, label: string, windowMinutes: number, baseUrl: string | null): NotificationMessage {
  return {
    headline: `${n} more notification${n === 1 ? '' : 's'} for ${label}`,
    outcome: 'neutral',
    facts: [{ label: 'Why', value: `rate cap: more messages than allowed within ${windowMinutes} minutes; these were held back` }],
    link: link(baseUrl, '/subscriptions'),
    linkLabel: 'Open subscriptions',
  };
}

export type DigestItem = { title: string; outcome: Outcome; link: string | null };

/** A digest: a line per collected message (at most `max`, then "and K more"). */
export function digestMessage(items: DigestItem[], label: string, period: string, baseUrl: string | null, max = 30): NotificationMessage {
  const facts: Fact[] = items.slice(0, max).map((i) => ({ label: i.outcome === 'failure' ? 'Failed' : i.outcome === 'success' ? 'OK' : 'Info', value: i.link ? `${i.title} (${i.link})` : i.title }));
  if (items.length > max) facts.push({ label: 'More', value: `and ${items.length - max} more` });
  const failures = items.filter((i) => i.outcome === 'failure').length;
  return {
    headline: `${period} digest for ${label}: ${items.length} notification${items.length === 1 ? '' : 's'}${failures ? `, ${failures} failed` : ''}`,
    outcome: failures ? 'failure' : 'neutral',
    facts,
    link: link(baseUrl, '/subscriptions'),
    linkLabel: 'Open subscriptions',
  };
}

/** The message with every secret value (and its encodings) replaced by ***. */
export const redactMessage = (m: NotificationMessage, secrets: Record<string, string>): NotificationMessage =>
  redactSecrets(m, secrets) as NotificationMessage;
