'use client';

// Route-level error boundary: a rendering bug on one page must not blank the whole shell.
import { ErrorState } from '@/components/ui/error-state';

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState error={error} onRetry={reset} title="Something went wrong on this page" />;
}
