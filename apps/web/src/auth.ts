import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db, redis } from './server/context';
import { env } from './server/env';
import { dummyHash, verifyPassword } from './server/auth/password';
import { SESSION_COOKIE } from './server/auth/session-cookie';
import { hitRateLimit } from './server/rate-limit';
import { clientIp } from './server/api/endpoint';

const CredentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) });

class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
}

/** Rate-limited per email and per address; the same work is done whether or not the account exists. */
async function authorize(raw: unknown, request: Request) {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const limit = env().LOGIN_ATTEMPTS_PER_10_MIN;
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(redis(), `login:email:${email}`, limit, 600),
    hitRateLimit(redis(), `login:ip:${clientIp(request)}`, limit * 10, 600),
  ]);
  if (!byEmail.allowed || !byIp.allowed) throw new TooManyAttempts();
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) return null;
  return { id: user.id, name: user.name, email: user.email };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 14 * 24 * 3600 },
  cookies: { sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false } } },
  pages: { signIn: '/signin' },
  providers: [Credentials({ credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } }, authorize })],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
