import type { Metadata } from 'next';
import { SubscriptionsClient } from './subscriptions-client';

export const metadata: Metadata = { title: 'Subscriptions' };

export default function SubscriptionsPage() {
  return <SubscriptionsClient />;
}
