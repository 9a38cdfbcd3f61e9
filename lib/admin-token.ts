// Until user accounts exist, writes are authorised by the admin token that `npm start` prints.
// The UI keeps it in this browser's localStorage only; it is sent as a Bearer header on writes.
import { useLocal, writeLocal } from './local-store';

const KEY = 'railyard.adminToken';

export function useAdminToken(): string | null {
  return useLocal(KEY);
}

export function setAdminToken(token: string | null): void {
  writeLocal(KEY, token?.trim() || null);
}

export const ADMIN_TOKEN_HELP =
  'The admin token is printed in the terminal when you run `npm start` (look for "Admin token"). It is stored only in this browser.';
