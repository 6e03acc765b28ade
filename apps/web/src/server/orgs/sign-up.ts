import type { Db } from '@tessera/db';
import { hashPassword } from '../auth/password';
import { conflict, isUniqueViolation } from '../errors';
import { createOrganization } from './create-organization';
import { joinByInvitation } from '../invitations/accept-invitation';

export type SignUpInput = { name: string; email: string; password: string } & (
  | { organizationName: string; invitationToken?: undefined }
  | { invitationToken: string; organizationName?: undefined }
);

/**
 * Creates the user together with their first organisation, or, with an invitation token, together with their
 * membership of the inviting organisation (and no organisation of their own): all or nothing.
 */
export async function signUp(db: Db, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email.toLowerCase(), passwordHash } });
      const organization =
        input.invitationToken !== undefined
          ? (await joinByInvitation(tx, user.id, input.invitationToken)).organization
          : await createOrganization(tx, { userId: user.id, name: input.organizationName });
      return { user: { id: user.id, name: user.name, email: user.email }, organization };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('An account with this email already exists. Sign in instead.');
    throw e;
  }
}
