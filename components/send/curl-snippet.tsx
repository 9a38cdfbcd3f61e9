'use client';

// Copy-paste examples for sending events: the generic endpoint, and the native-webhook URL to
// paste into GitHub/GitLab/Jira/Jenkins. Shown on the overview, in empty states and on /send.
import type { RegistryDto } from '@/engine/dto/registry';
import { useOrigin } from '@/lib/use-origin';
import { CodeBlock } from '@/components/ui/code-block';

export function curlFor(origin: string, source: string, type: string, payload: string, idempotencyKey?: string) {
  const lines = [
    `curl -X POST ${origin}/api/events/${encodeURIComponent(source)}/${encodeURIComponent(type)} \\`,
    `  -H "Authorization: Bearer $RAILYARD_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
  ];
  if (idempotencyKey) lines.push(`  -H "Idempotency-Key: ${idempotencyKey}" \\`);
  lines.push(`  -d '${payload.replace(/'/g, `'\\''`)}'`);
  return lines.join('\n');
}

/**
 * A real (source, type) from the registry for the example, with its sample payload when that is
 * short enough to read in a terminal (GitHub's push sample is not); otherwise a tiny payload.
 */
export function pickExample(registry: RegistryDto | undefined): { source?: string; type?: string; payload?: string } {
  const types = (registry ?? []).flatMap((s) => s.eventTypes.filter((t) => t.registered));
  const small = types.find((t) => t.samplePayload && JSON.stringify(t.samplePayload).length <= 240);
  if (small) return { source: small.source, type: small.type, payload: JSON.stringify(small.samplePayload) };
  const any = types[0];
  return any ? { source: any.source, type: any.type } : {};
}

interface CurlSnippetProps {
  source?: string;
  type?: string;
  payload?: string;
  /** Also show the native webhook URL for presets like GitHub. */
  withHook?: boolean;
}

export function CurlSnippet({
  source = 'deploy-script',
  type = 'deploy.finished',
  payload = '{"service":"api","version":"1.4.2","env":"production"}',
  withHook = true,
}: CurlSnippetProps) {
  const origin = useOrigin();
  return (
    <div className="space-y-3">
      <CodeBlock label="bash — generic endpoint" code={curlFor(origin, source, type, payload)} />
      <p className="text-xs text-muted">
        <code className="font-mono">$RAILYARD_TOKEN</code> is a personal API token (create one in{' '}
        <a href="/profile" className="underline">Profile</a>), or the token of the source you registered.
      </p>
      {withHook && (
        <div className="space-y-1.5">
          <p className="text-xs text-muted">
            Native webhooks: register a source with the matching preset, then point the tool&apos;s webhook at its URL
            (the event type and delivery id come from the tool&apos;s own headers):
          </p>
          <CodeBlock label="webhook URL" code={`${origin}/api/hooks/github`} />
        </div>
      )}
    </div>
  );
}
