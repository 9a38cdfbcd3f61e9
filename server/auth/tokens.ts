// Provisioning tokens. RAILYARD_ADMIN_TOKEN (or the one npm start generates) is stored as a hash,
// has no owner and keeps working alongside personal tokens for automation and provisioning.
import { sha256 } from '../crypto';
import { upsertProvisioningToken } from '../repositories/tokens';

export { bearerToken, principalFromToken } from './principal';

export async function provisionAdminToken(token: string): Promise<void> {
  await upsertProvisioningToken('admin', sha256(token), 'admin', token.slice(0, 7));
}
