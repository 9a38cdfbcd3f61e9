import type { Metadata } from 'next';
import { TrainClient } from './train-client';

export const metadata: Metadata = { title: 'Train' };

export default async function TrainPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TrainClient id={id} />;
}
