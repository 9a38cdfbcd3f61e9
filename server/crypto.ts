// Hashing, encryption at rest and constant-time comparison for tokens and webhook secrets.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from './env';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const randomToken = (prefix = 'ry'): string => `${prefix}_${randomBytes(24).toString('base64url')}`;

/** Constant-time string equality; unequal lengths still cost a full compare of a digest. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

export const hmacSha256Hex = (secret: string, body: Buffer | string): string =>
  createHmac('sha256', secret).update(body).digest('hex');

const key = () => Buffer.from(env().RAILYARD_ENCRYPTION_KEY, 'base64');

/** AES-256-GCM; the output is iv.tag.ciphertext, base64url, self-contained. */
export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
