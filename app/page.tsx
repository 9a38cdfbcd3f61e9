import { OverviewClient } from './overview-client';

export default function OverviewPage() {
  return <OverviewClient />;
}
