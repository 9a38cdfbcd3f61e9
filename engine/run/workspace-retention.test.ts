import { describe, expect, it } from 'vitest';
import { workspacesToDelete, type RunState } from './workspace-retention';

const now = new Date('2026-03-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const id = (n: number) => `cm${String(n).padStart(23, '0')}`;

describe('workspacesToDelete', () => {
  it('deletes finished runs past the retention and orphans as old; keeps unfinished runs whatever their age', () => {
    const runs = new Map<string, RunState>([
      [id(1), { status: 'succeeded', finishedAt: hoursAgo(80) }],
      [id(2), { status: 'failed', finishedAt: hoursAgo(10) }],
      [id(3), { status: 'running', finishedAt: null }],
      [id(4), { status: 'queued', finishedAt: null }],
      [id(5), { status: 'cancelled', finishedAt: null }],
    ]);
    const folders = [
      { name: id(1), modifiedAt: hoursAgo(1) }, // finished long ago, touched recently: the run decides
      { name: id(2), modifiedAt: hoursAgo(100) }, // finished recently
      { name: id(3), modifiedAt: hoursAgo(1000) }, // running (or waiting) for weeks
      { name: id(4), modifiedAt: hoursAgo(1000) },
      { name: id(5), modifiedAt: hoursAgo(100) }, // finished, no finish time: the folder's age
      { name: id(6), modifiedAt: hoursAgo(100) }, // no such run any more
      { name: id(7), modifiedAt: hoursAgo(1) }, // unknown but fresh (keep)
      { name: 'not-a-run-folder', modifiedAt: hoursAgo(1000) },
    ];
    expect(workspacesToDelete(folders, runs, now, 72 * 3_600_000)).toEqual([id(1), id(5), id(6)]);
  });
});
