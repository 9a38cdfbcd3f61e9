import { describe, expect, it } from 'vitest';
import type { LogLine } from '../dto/runs';
import { LogBudget, utf8Length } from './log-budget';

const line = (message: string): LogLine => ({ at: '2026-01-01T00:00:00.000Z', level: 'info', message });

describe('LogBudget', () => {
  it('keeps the head as it comes, then only the newest lines, and says how much was dropped', () => {
    const b = new LogBudget({ maxLines: 10, maxBytes: 1_000_000 });
    const where = Array.from({ length: 25 }, (_, i) => b.add(line(`l${i}`)));
    expect(where.filter((w) => w === 'head')).toHaveLength(5);
    const tail = b.takeTail(new Date('2026-01-02T00:00:00Z'))!;
    expect(tail.slice(1).map((l) => l.message)).toEqual(['l20', 'l21', 'l22', 'l23', 'l24']);
    expect(tail[0]).toMatchObject({ level: 'warn' });
    expect(tail[0].message).toMatch(/15 lines \(\d+ bytes\) dropped here; the first 5 lines and the last 5 are kept/);
    expect(b.takeTail(new Date())).toBeNull(); // nothing new since
  });

  it('bounds by bytes too: a megabyte of long lines keeps about the budget', () => {
    const b = new LogBudget({ maxLines: 100_000, maxBytes: 64 * 1024 });
    let head = 0;
    for (let i = 0; i < 1000; i++) if (b.add(line('x'.repeat(1000))) === 'head') head++;
    const tail = b.takeTail(new Date())!;
    const kept = head * 1060 + tail.reduce((n, l) => n + utf8Length(l.message) + 60, 0);
    expect(kept).toBeLessThanOrEqual(64 * 1024 + 400);
    expect(b.dropped.lines).toBe(1000 - head - (tail.length - 1));
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});
