// Personal API tokens. The plain token is returned once, at creation; only its SHA-256 hash and a
// short prefix (to tell tokens apart in lists) are stored. A token's role is at most its owner's,
// and principalFromToken caps it again at use, so a later demotion also demotes the token.
import { can, roleRank, type Role } from '@/engine/auth/roles';
import { createdTokenSchema, createTokenBody, tokenSchema, type CreatedTokenDto, type TokenDto } from '@/engine/dto/accounts';
import { authorize, type Actor } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { randomToken, sha256 } from '../crypto';
import { db } from '../db/client';
import { AppError, notFound } from '../errors';
import { createToken, findToken, listTokens, revokeToken } from '../repositories/tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];
const iso = (d: Date | null) => d?.toISOString() ?? null;

const toTokenDto = (t: TokenRow): TokenDto =>
  tokenSchema.parse({
    ...t,
    owner: t.user?.name ?? null,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    expiresAt: iso(t.expiresAt),
    revokedAt: iso(t.revokedAt),
  });

/** Only people own tokens: a token cannot mint further tokens (it could outlive its own revocation). */
function personOf(actor: Actor) {
  const me = authorize(actor, 'read');
  if (me.kind !== 'user' || !me.userId) throw new AppError('forbidden', 'API tokens are managed by signed-in people, not by other tokens');
  return { ...me, userId: me.userId };
}

export async function listMyTokens(actor: Actor): Promise<TokenDto[]> {
  const me = personOf(actor);
  return (await listTokens({ userId: me.userId, revokedAt: null })).map(toTokenDto);
}

export async function createMyToken(actor: Actor, input: unknown): Promise<CreatedTokenDto> {
  const me = personOf(actor);
  const body = createTokenBody.parse(input);
  const role: Role = body.role ?? me.role;
  if (roleRank(role) > roleRank(me.role)) throw new AppError('forbidden', `a token cannot have more than your own role (${me.role})`);
  const token = randomToken('ry');
  const row = await createToken({
    name: body.name,
    hash: sha256(token),
    prefix: token.slice(0, 7),
    role,
    userId: me.userId,
    expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * DAY_MS) : null,
  });
  // Name, prefix and role only: never the token or its hash.
  await recordAudit(db(), { actor: me, action: 'token.create', subjectType: 'token', subjectId: row.id, after: { name: row.name, prefix: row.prefix, role, expiresAt: row.expiresAt } });
  return createdTokenSchema.parse({ ...toTokenDto({ ...row, user: { name: me.name, email: '' } }), token });
}

/** Your own tokens, or anyone's with tokens.manage. Revoking twice is harmless. */
export async function revokeTokenUseCase(actor: Actor, id: string): Promise<void> {
  const me = authorize(actor, 'read');
  const row = await findToken(id);
  const mine = row?.userId !== null && row?.userId === me.userId;
  // Someone else's token answers 404 to people who may not manage it, so ids reveal nothing.
  if (!row || (!mine && !can(me.role, 'tokens.manage'))) throw notFound(`token "${id}"`);
  if (row.revokedAt) return;
  await revokeToken(id);
  await recordAudit(db(), { actor: me, action: 'token.revoke', subjectType: 'token', subjectId: id, before: { name: row.name, prefix: row.prefix, role: row.role, userId: row.userId } });
}
