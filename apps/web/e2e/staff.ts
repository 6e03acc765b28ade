import { createDb } from '@tessera/db';

/** The e2e platform's database (same default as scripts/e2e-server.ts, which cannot be imported: it starts the platform). */
const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_e2e';

/** Makes a signed-up user a member of the platform's service team (there is no UI for that, by design). */
export async function makePlatformStaff(email: string): Promise<void> {
  const db = createDb(E2E_DATABASE_URL);
  try {
    const { count } = await db.user.updateMany({ where: { email: email.toLowerCase() }, data: { isPlatformStaff: true } });
    if (count !== 1) throw new Error(`no e2e user with email ${email}`);
  } finally {
    await db.$disconnect();
  }
}
