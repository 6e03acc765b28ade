import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@tessera/db';
import { DEFAULT_REDIS_URL } from '@tessera/jobs';

const EnvSchema = z.object({
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.string().default(DEFAULT_REDIS_URL),
  PACKAGER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
});
export type Env = z.infer<typeof EnvSchema>;

/** The only reader of process.env in this app. */
export function parseEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid packager environment: ${msg}`);
  }
  return parsed.data;
}
