import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_TTL_DAYS = 7;

export function newInvitationToken() {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(`invitation:${token}`).digest('hex');
}
