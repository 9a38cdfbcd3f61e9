// Reads and writes for the Profile and Users pages: personal tokens, password, people.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Role } from '@/engine/auth/roles';
import { createdTokenSchema, tokenSchema, userSchema } from '@/engine/dto/accounts';
import { apiGet, apiSend } from './api';

export const accountKeys = { tokens: ['tokens'] as const, users: ['users'] as const };

const enc = encodeURIComponent;
const nothing = z.undefined();

export function useMyTokens() {
  return useQuery({ queryKey: accountKeys.tokens, queryFn: ({ signal }) => apiGet('/api/tokens', z.array(tokenSchema), signal) });
}

export type NewToken = { name: string; role?: Role; expiresInDays?: number };

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewToken) => (await apiSend('POST', '/api/tokens', input, createdTokenSchema)).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await apiSend('DELETE', `/api/tokens/${enc(id)}`, undefined, nothing)).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (input: { current: string; next: string }) =>
      (await apiSend('POST', '/api/profile/password', input, nothing)).data,
  });
}

/** Ends every session of the caller, this one included; the page then goes to /signin. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: async () => (await apiSend('POST', '/api/profile/sessions/revoke', undefined, nothing)).data,
  });
}

/** Admins: ends every session of another person. */
export function useRevokeUserSessions() {
  return useMutation({
    mutationFn: async (id: string) => (await apiSend('POST', `/api/users/${enc(id)}/sessions/revoke`, undefined, nothing)).data,
  });
}

export function useUsers() {
  return useQuery({ queryKey: accountKeys.users, queryFn: ({ signal }) => apiGet('/api/users', z.array(userSchema), signal) });
}

export type NewUser = { email: string; name: string; role: Role; password: string };

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewUser) => (await apiSend('POST', '/api/users', input, userSchema)).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...patch }: { id: string; role?: Role; disabled?: boolean; name?: string }) =>
      (await apiSend('PATCH', `/api/users/${enc(id)}`, patch, userSchema)).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.users }),
  });
}
