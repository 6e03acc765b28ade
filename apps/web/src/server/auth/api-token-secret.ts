import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'tsr_';

/** A new API token: the secret (shown once) and what is stored (a SHA-256: the secret has 256 bits of entropy). */
export function generateTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashTokenSecret(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
