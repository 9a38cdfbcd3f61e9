'use client';

// One row per person: role select and disable/enable apply at once. The server refuses to leave
// Railyard without an active admin (409) and the message shows under the table.
import { ROLES, type Role } from '@/engine/auth/roles';
import type { UserDto } from '@/engine/dto/accounts';
import { useUpdateUser } from '@/lib/accounts';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';

export function UsersTable({ users, myId }: { users: UserDto[]; myId: string | null }) {
  const update = useUpdateUser();
  const busy = (id: string) => update.isPending && update.variables?.id === id;
  return (
    <>
      <Table>
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Email</TH>
            <TH>Role</TH>
            <TH>Signs in with</TH>
            <TH>Last sign-in</TH>
            <TH><span className="sr-only">Actions</span></TH>
          </TR>
        </THead>
        <TBody>
          {users.map((u) => (
            <TR key={u.id} data-testid="user-row" data-email={u.email} data-disabled={u.disabled} className={u.disabled ? 'opacity-60' : undefined}>
              <TD className="font-medium">
                {u.name} {u.id === myId && <Tag>you</Tag>} {u.disabled && <Tag tone="danger">disabled</Tag>}
              </TD>
              <TD className="text-muted">{u.email}</TD>
              <TD>
                <Select aria-label={`Role of ${u.name}`} className="w-32" value={u.role} disabled={busy(u.id)}
                  onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })} data-testid="user-role">
                  {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                </Select>
              </TD>
              <TD>{u.provider}</TD>
              <TD><RelativeTime iso={u.lastSignInAt} /></TD>
              <TD className="text-right">
                <Button size="sm" variant={u.disabled ? 'secondary' : 'danger'} disabled={busy(u.id)}
                  onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })} data-testid="user-toggle-disabled">
                  {u.disabled ? 'Enable' : 'Disable'}
                </Button>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {update.isError && <p role="alert" className="p-3 text-sm text-danger" data-testid="user-error">{errorMessage(update.error)}</p>}
    </>
  );
}
