// External sign-ins (GitHub, GitLab, OIDC) linked to people by (provider, subject). The decision
// whether to link or create is engine/auth/external-sign-in.ts; this file only reads and writes.
import { db, type Db, type Tx } from '../db/client';

const person = { select: { id: true, name: true, email: true, role: true, disabled: true, sessionVersion: true } } as const;

export const findIdentity = (provider: string, subject: string) =>
  db().userIdentity.findUnique({ where: { provider_subject: { provider, subject } }, include: { user: person } });

/** The person with this email, and which subjects of `provider` they are already linked to. */
export const findPersonByEmail = (email: string, provider: string) =>
  db().user.findUnique({
    where: { email: email.toLowerCase() },
    select: { ...person.select, identities: { where: { provider }, select: { subject: true } } },
  });

export const linkIdentity = (data: { provider: string; subject: string; userId: string }, client: Db | Tx = db()) =>
  client.userIdentity.create({ data });

/** One statement (a nested create), so the person never exists without the identity. */
export const createPersonWithIdentity = (
  data: { email: string; name: string; role: string; provider: string; subject: string },
  client: Db | Tx = db(),
) =>
  client.user.create({
    data: {
      email: data.email.toLowerCase(),
      name: data.name,
      role: data.role,
      provider: data.provider,
      lastSignInAt: new Date(),
      identities: { create: { provider: data.provider, subject: data.subject } },
    },
    ...person,
  });
