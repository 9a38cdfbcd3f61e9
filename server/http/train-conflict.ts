// 409 answers of the train API carry the train on the track: `{error, train}` (not under details),
// so a client can show "train 12 is at Test environment" and link to it.
import { AppError } from '../errors';
import { json } from './respond';

export async function answeringTrainConflict(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    const train = err instanceof AppError && err.code === 'conflict' ? (err.details as { train?: unknown } | undefined)?.train : undefined;
    if (train) return json({ error: (err as AppError).message, train }, 409);
    throw err;
  }
}
