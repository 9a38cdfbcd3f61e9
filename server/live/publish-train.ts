// A train changed (departed, reached a station, arrived, derailed, a run of it moved): push its
// summary so open train and pipeline pages refetch what they show.
import { toTrainSummary } from '../dto/map-trains';
import { findTrain } from '../repositories/trains';
import { publishLive } from './stream';

export async function publishTrain(trainId: string): Promise<void> {
  try {
    const train = await findTrain(trainId);
    if (train) await publishLive({ kind: 'train', train: toTrainSummary(train) });
  } catch (err) {
    console.warn(`[live] train ${trainId} not published: ${(err as Error).message}`);
  }
}
