import { describe, expect, it } from 'vitest';
import { afterFloor, coalesceMs, idAfter, resumeChunks } from './live-hub';
import { LiveBatch } from './sse-frames';

describe('idAfter (Redis stream ids)', () => {
  it('compares milliseconds, then the sequence, as numbers rather than text', () => {
    expect(idAfter('1700000000001-0', '1700000000000-9')).toBe(true);
    expect(idAfter('1700000000000-10', '1700000000000-9')).toBe(true);
    expect(idAfter('1700000000000-9', '1700000000000-9')).toBe(false);
    expect(idAfter('999-0', '1000-0')).toBe(false);
  });
});

const entry = (ms: number) => ({ id: `${ms}-0`, data: `{"n":${ms}}` });
const ids = (chunks: Uint8Array[]) =>
  chunks.flatMap((c) => [...new TextDecoder().decode(c).matchAll(/^id: (\S+)$/gm)].map((m) => m[1]));

describe('resumeChunks (Last-Event-ID: backlog, then what arrived live meanwhile)', () => {
  it('sends every entry after the resume point once, in order, where backlog and live batches overlap', () => {
    const backlog = [entry(2), entry(3), entry(4)];
    // Live batches buffered while XRANGE ran: one wholly inside the backlog, one straddling its end, one after.
    const buffered = [new LiveBatch([entry(3)]), new LiveBatch([entry(4), entry(5)]), new LiveBatch([entry(6), entry(7)])];
    expect(ids(resumeChunks('1-0', backlog, buffered))).toEqual(['2-0', '3-0', '4-0', '5-0', '6-0', '7-0']);
  });

  it('passes a batch wholly after the backlog on as the very chunk every other stream got', () => {
    const live = new LiveBatch([entry(6), entry(7)]);
    const chunks = resumeChunks('1-0', [entry(2)], [live]);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toBe(live.bytes());
  });

  it('with no backlog (XRANGE failed or nothing missed) sends the buffered batches after the resume point', () => {
    expect(ids(resumeChunks('4-0', [], [new LiveBatch([entry(3), entry(5)]), new LiveBatch([entry(6)])]))).toEqual(['5-0', '6-0']);
  });
});

describe('LiveBatch', () => {
  it('encodes its entries once, as SSE frames with ids', () => {
    const batch = new LiveBatch([entry(1), entry(2)]);
    expect(batch.bytes()).toBe(batch.bytes());
    expect(new TextDecoder().decode(batch.bytes())).toBe('id: 1-0\ndata: {"n":1}\n\nid: 2-0\ndata: {"n":2}\n\n');
    expect(batch.lastId).toBe('2-0');
  });
});

describe('coalesceMs (how long a batch waits for the rest of its burst)', () => {
  it('waits nothing while fan-outs are cheap, half the last fan-out when they are not, and never more than 10 ms', () => {
    expect(coalesceMs(0)).toBe(0);
    expect(coalesceMs(1.9)).toBe(0);
    expect(coalesceMs(6)).toBe(3);
    expect(coalesceMs(19)).toBe(9);
    expect(coalesceMs(45)).toBe(10);
  });
});

describe('afterFloor (a batch for a stream that has everything up to an id)', () => {
  it('passes a newer batch on as its shared chunk, trims one that straddles the floor, drops one wholly at or below it', () => {
    const newer = new LiveBatch([entry(5), entry(6)]);
    expect(afterFloor(newer, '4-0')).toBe(newer.bytes());
    expect(ids([afterFloor(new LiveBatch([entry(3), entry(4), entry(5)]), '4-0')!])).toEqual(['5-0']);
    expect(afterFloor(new LiveBatch([entry(3), entry(4)]), '4-0')).toBeNull();
  });
});
