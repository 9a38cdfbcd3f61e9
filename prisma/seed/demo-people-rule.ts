// The demo people share a published password, so they may exist only while Railyard listens on
// loopback (or when RAILYARD_DEMO_PEOPLE=true says so explicitly). When npm start exposes Railyard
// the rule disables them through the same use-case an admin would use, as an actor named after the
// rule and the reason, so the audit trail says why. Back on loopback it re-enables only those whose
// latest disabling was the rule's: a demo account an admin disabled stays disabled.
import type { Principal } from '@/server/auth/principal';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { queryAuditEntries } from '@/server/repositories/audit';
import { findUserByEmail } from '@/server/repositories/users';
import { updateUserUseCase } from '@/server/use-cases/manage-users';
import { DEMO_PEOPLE } from './people';

export const DEMO_RULE_NAME = 'demo-people rule';

const ruleActor = (why: string): Principal => ({ ...SYSTEM_ACTOR, name: `${DEMO_RULE_NAME} (${why})` });

/** Whether the person's most recent disabling was done by this rule (not by an admin). */
async function disabledByRule(userId: string): Promise<boolean> {
  const [last] = await queryAuditEntries({ subjectType: 'user', subjectId: userId, action: 'user.disable', limit: 1 });
  return !!last && last.actorKind === 'system' && last.actorName.startsWith(`${DEMO_RULE_NAME} (`);
}

export type DemoRuleOutcome = { disabled: string[]; enabled: string[] };

/** Applies the rule to the demo people that exist; `why` names the reason in the audit trail. */
export async function applyDemoPeopleRule(allowed: boolean, why: string): Promise<DemoRuleOutcome> {
  const out: DemoRuleOutcome = { disabled: [], enabled: [] };
  for (const { email } of DEMO_PEOPLE) {
    const user = await findUserByEmail(email);
    if (!user) continue;
    if (!allowed && !user.disabled) {
      await updateUserUseCase(ruleActor(why), user.id, { disabled: true });
      out.disabled.push(email);
    } else if (allowed && user.disabled && (await disabledByRule(user.id))) {
      await updateUserUseCase(ruleActor(why), user.id, { disabled: false });
      out.enabled.push(email);
    }
  }
  return out;
}
