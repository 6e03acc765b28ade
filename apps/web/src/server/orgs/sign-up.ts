import type { Db } from '@tessera/db';
import { hashPassword } from '../auth/password';
import { conflict, isUniqueViolation } from '../errors';
import { createOrganization } from './create-organization';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  organizationName: string;
}

/** Creates the user and their first organisation together: both or neither. */
export async function signUp(db: Db, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email.toLowerCase(), passwordHash } });
      const organization = await createOrganization(tx, { userId: user.id, name: input.organizationName });
      return { user: { id: user.id, name: user.name, email: user.email }, organization };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('An account with this email already exists. Sign in instead.');
    throw e;
  }
}
