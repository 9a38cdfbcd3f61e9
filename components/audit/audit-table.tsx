// The audit trail as a table: who, when, what, on which subject, and what changed.
import type { AuditEntryDto } from '@/engine/dto/audit';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { JsonDiff } from './json-diff';

export function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  return (
    <Table data-testid="audit-table">
      <THead>
        <tr>
          <TH>When</TH>
          <TH>Who</TH>
          <TH>Action</TH>
          <TH>Subject</TH>
          <TH>Before → after</TH>
        </tr>
      </THead>
      <TBody>
        {entries.map((e) => (
          <TR key={e.id} data-testid="audit-row">
            <TD className="whitespace-nowrap text-muted">
              <RelativeTime iso={e.at} />
            </TD>
            <TD className="whitespace-nowrap">
              {e.actor.name} {e.actor.kind !== 'user' && <Tag>{e.actor.kind}</Tag>}
            </TD>
            <TD>
              <code className="text-xs">{e.action}</code>
            </TD>
            <TD className="max-w-56 truncate" title={`${e.subjectType} ${e.subjectId}`}>
              <span className="text-muted">{e.subjectType}</span> <span className="font-mono text-xs">{e.subjectId}</span>
            </TD>
            <TD className="py-1.5 align-top">
              <JsonDiff before={e.before} after={e.after} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
