// API token authentication. Until user accounts exist, the only role is admin (DESIGN.md roles
// arrive with accounts); tokens are looked up by SHA-256 hash, never stored in plain text.
import { sha256 } from '../crypto';
import { AppError } from '../errors';
import { findTokenByHash, touchToken, upsertToken } from '../repositories/tokens';

export function bearerToken(headers: Headers | Record<string, string>): string | null {
  const value = headers instanceof Headers ? headers.get('authorization') : headers['authorization'];
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

export type Principal = { kind: 'token'; tokenId: string; name: string; role: string };

export async function principalFromToken(token: string): Promise<Principal | null> {
  const row = await findTokenByHash(sha256(token));
  if (!row) return null;
  touchToken(row);
  return { kind: 'token', tokenId: row.id, name: row.name, role: row.role };
}

/** Throws 401 without a valid token, 403 when the token is not an admin's. */
export async function requireAdmin(headers: Headers): Promise<Principal> {
  const token = bearerToken(headers);
  if (!token) throw new AppError('unauthorized', 'missing API token: send "Authorization: Bearer <token>" (npm start prints the admin token)');
  const principal = await principalFromToken(token);
  if (!principal) throw new AppError('unauthorized', 'invalid API token');
  if (principal.role !== 'admin') throw new AppError('forbidden', 'this action needs an admin token');
  return principal;
}

/** Stores the hash of the provisioning admin token (RAILYARD_ADMIN_TOKEN or the generated one). */
export async function provisionAdminToken(token: string): Promise<void> {
  await upsertToken('admin', sha256(token), 'admin');
}
