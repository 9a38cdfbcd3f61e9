// Ids for rows written with raw SQL, shaped like the cuids Prisma makes (@default(cuid())): 25
// characters, starting with "c", then the time in base 36, a per-process counter and randomness.
// Time first keeps ids of rows written in the same millisecond in creation order per process, as
// Prisma's are, for readers that break a receivedAt tie by id (listEvents).
import { randomBytes } from 'node:crypto';

let counter = 0;

export function newCuid(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, '0').slice(-8);
  const count = counter.toString(36).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36).padStart(12, '0').slice(-12);
  return `c${time}${count}${random}`;
}
