// Decrypts named secrets for the worker, which resolves `{{ secrets.NAME }}` only while running a
// step (DESIGN.md: never stored resolved). Only the worker should call this, and for a step only
// through loadStepSecrets: a step gets the granted secrets it names, never the whole store.
import { PermanentError } from '../actions/types';
import { decrypt } from '../crypto';
import { findEncryptedSecrets } from '../repositories/secrets';

/**
 * The plain values of `names` (all secrets when omitted). A name with no secret is simply absent,
 * so a template that uses it resolves to nothing and parameter validation names the problem.
 */
export async function loadSecrets(names?: string[]): Promise<Record<string, string>> {
  if (names && names.length === 0) return {};
  const out: Record<string, string> = {};
  for (const row of await findEncryptedSecrets(names)) {
    try {
      out[row.name] = decrypt(row.valueEnc);
    } catch {
      // Wrong or rotated RAILYARD_ENCRYPTION_KEY: say which secret, never show the ciphertext.
      throw new Error(`cannot decrypt secret "${row.name}": was RAILYARD_ENCRYPTION_KEY changed? Set the secret again.`);
    }
  }
  return out;
}

type Granted = { name: string; secretGrants: readonly string[] };

/**
 * A step's secrets: the names it reads (`secrets.NAME`) that its workflow is granted, and nothing
 * else. The grants come from the workflow row read for this step, so revoking one takes effect at
 * the next step, even for versions published while it was granted.
 */
export function loadStepSecrets(workflow: Granted, names: readonly string[]): Promise<Record<string, string>> {
  return loadSecrets(names.filter((n) => workflow.secretGrants.includes(n)));
}

/** Fails the step (no retry) when it reads a secret its workflow is not, or no longer, granted. */
export function assertSecretsGranted(workflow: Granted, stepId: string, names: readonly string[]): void {
  const missing = names.filter((n) => !workflow.secretGrants.includes(n));
  if (missing.length === 0) return;
  const list = missing.map((n) => `"${n}"`).join(', ');
  throw new PermanentError(
    `step "${stepId}" reads secret ${list}, which is not granted to workflow "${workflow.name}" (an admin grants it: PATCH /api/workflows/${workflow.name} {"secretGrants": [...]})`,
  );
}
