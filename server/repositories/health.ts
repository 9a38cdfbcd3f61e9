import { db } from '../db/client';

/** One round trip to the database; resolves 'ok' or the driver's error message. */
export const pingDatabase = (): Promise<string> => db().$queryRaw`SELECT 1`.then(() => 'ok', (e: Error) => e.message);
