// Who is signed in (GET /api/me), for the header menu and for hiding controls the role may not use.
// The API refuses those anyway; hiding them only spares people a button that can only fail.
import { useQuery } from '@tanstack/react-query';
import { can, type Permission } from '@/engine/auth/roles';
import { meSchema } from '@/engine/dto/accounts';
import { apiGet } from './api';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => apiGet('/api/me', meSchema, signal),
    // A role change applies at the next page load; no need to poll.
    staleTime: 5 * 60_000,
  });
}

/** True once the caller is known to hold `permission`; false while loading, so nothing flashes. */
export function useCan(permission: Permission): boolean {
  const me = useMe();
  return me.data ? can(me.data.role, permission) : false;
}
