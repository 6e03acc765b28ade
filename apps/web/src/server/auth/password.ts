import { hashPassword } from '@tessera/db';

export { hashPassword, verifyPassword } from '@tessera/db';

/** A hash of a random password, verified against when the email is unknown so timing does not reveal accounts. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(`not-a-real-password-${Math.random()}`));
}
