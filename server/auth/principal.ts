// Who is calling: a signed-in person (next-auth session cookie) or an API token. Roles are read
// fresh from the database on every request, so a demotion or a disabled account takes effect at
// once, and a personal token never grants more than its owner's current role. A session cookie
// counts only while its version equals the person's current User.sessionVersion.
import { isRole, weaker, type Role } from '@/engine/auth/roles';
import { sha256 } from '../crypto';
import { AppError } from '../errors';
import { findTokenByHash, touchToken } from '../repositories/tokens';
import { findUserById } from '../repositories/users';
import { sessionClaims } from './session';

export type Principal = {
  kind: 'user' | 'token';
  /** User id for people; token id for provisioning tokens. */
  id: string;
  name: string;
  role: Role;
  userId: string | null;
};

export function bearerToken(headers: Headers | Record<string, string>): string | null {
  const value = headers instanceof Headers ? headers.get('authorization') : headers['authorization'];
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

export async function principalFromToken(token: string): Promise<Principal | null> {
  const row = await findTokenByHash(sha256(token));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date()) || !isRole(row.role)) return null;
  if (row.user && (row.user.disabled || !isRole(row.user.role))) return null;
  touchToken(row);
  if (!row.user) return { kind: 'token', id: row.id, name: row.name, role: row.role, userId: null };
  return { kind: 'token', id: row.id, name: row.user.name, role: weaker(row.role, row.user.role as Role), userId: row.user.id };
}

/** `sessionVersion`: the version the session was issued with; a different current one ends it. */
export async function principalFromUserId(userId: string, sessionVersion?: number): Promise<Principal | null> {
  const user = await findUserById(userId);
  if (!user || user.disabled || !isRole(user.role)) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return { kind: 'user', id: user.id, name: user.name, role: user.role, userId: user.id };
}

/** The person a session cookie header names, when the session is still current; else null. */
export async function principalFromSession(cookieHeader: string | null): Promise<Principal | null> {
  const claims = await sessionClaims(cookieHeader);
  return claims ? principalFromUserId(claims.userId, claims.version) : null;
}

/** The caller of an HTTP request, or null when anonymous. */
export async function principalFromRequest(request: Request): Promise<Principal | null> {
  const token = bearerToken(request.headers);
  if (token) {
    const principal = await principalFromToken(token);
    // A wrong token is an error worth naming, not an anonymous visit.
    if (!principal) throw new AppError('unauthorized', 'invalid, expired or revoked API token');
    return principal;
  }
  const claims = await sessionClaims(request.headers.get('cookie'));
  if (!claims) return null;
  const principal = await principalFromUserId(claims.userId, claims.version);
  // A cookie that was valid once names its end, so the browser (and a person) know to sign in again.
  if (!principal) throw new AppError('unauthorized', 'your session has ended (signed out everywhere, password or role changed, or account disabled): sign in again');
  return principal;
}

/** Railyard itself (seed, provisioning scripts): an admin that is no person. */
export const SYSTEM_ACTOR: Principal = { kind: 'token', id: 'system', name: 'system', role: 'admin', userId: null };
