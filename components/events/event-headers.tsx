import { Card, CardHeader } from '@/components/ui/card';

/** Request headers as received (secrets such as Authorization are redacted by the server). */
export function EventHeaders({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card>
      <CardHeader title="Headers" description={`${entries.length} received`} />
      {entries.length === 0 ? (
        <p className="p-4 text-sm text-muted">No headers were stored.</p>
      ) : (
        <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1 p-4 font-mono text-xs">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
