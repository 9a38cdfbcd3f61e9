// Decrypts named secrets for the worker, which resolves `{{ secrets.NAME }}` only while running a
// step (DESIGN.md: never stored resolved). Only the worker should call this.
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
