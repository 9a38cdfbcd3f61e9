// Provisioning tokens. RAILYARD_ADMIN_TOKEN (or the one npm start generates) is stored as a hash,
// has no owner and keeps working alongside personal tokens for automation and provisioning.
// Provisioning never undoes a revocation: a revoked value stays revoked however often it is
// provisioned again; set a new value to get a working admin token.
import { sha256 } from '../crypto';
import { upsertProvisioningToken } from '../repositories/tokens';

export { bearerToken, principalFromToken } from './principal';

export type ProvisionResult = 'created' | 'kept' | 'revoked';

export async function provisionAdminToken(token: string): Promise<ProvisionResult> {
  const { status } = await upsertProvisioningToken('admin', sha256(token), 'admin', token.slice(0, 7));
  if (status === 'revoked') {
    console.warn('[tokens] the admin token (RAILYARD_ADMIN_TOKEN) was revoked and stays revoked; set a new value to provision a working one');
  }
  return status;
}
