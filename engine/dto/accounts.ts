// Accounts as the browser sees them: the caller (/api/me), people (/api/users) and API tokens
// (/api/tokens). The server parses its answers through these schemas, so a Prisma row (with a
// password hash or token hash) can never leak by accident: unknown keys are stripped.
import { z } from 'zod';
import { ROLES } from '../auth/roles';

export const roleSchema = z.enum(ROLES);
export const PROVIDERS = ['credentials', 'github', 'gitlab', 'oidc'] as const;

export const meSchema = z.object({
  kind: z.enum(['user', 'token']),
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  provider: z.string().nullable(),
});
export type MeDto = z.infer<typeof meSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  provider: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof userSchema>;

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  /** Owner's name; null for provisioning tokens (RAILYARD_ADMIN_TOKEN). */
  owner: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenDto = z.infer<typeof tokenSchema>;

/** The answer to creating a token: the plain token appears here once and is never stored. */
export const createdTokenSchema = tokenSchema.extend({ token: z.string() });
export type CreatedTokenDto = z.infer<typeof createdTokenSchema>;

// Request bodies, shared by the routes (validation) and the forms (types).
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(100),
  role: roleSchema.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const createUserBody = z.strictObject({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, 'name is required').max(100),
  role: roleSchema,
  password: z.string().min(8, 'password must have at least 8 characters').max(200),
});
export const updateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
});
export const changePasswordBody = z.strictObject({
  current: z.string().min(1, 'current password is required'),
  next: z.string().min(8, 'the new password must have at least 8 characters').max(200),
});
