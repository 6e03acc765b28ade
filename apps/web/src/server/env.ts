import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@tessera/db';
import { DEFAULT_REDIS_URL } from '@tessera/jobs';
import { LOCAL_S3_CREDENTIALS, S3ConfigSchema, type S3Config } from '@tessera/storage';

const EnvSchema = z.object({
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.string().default(DEFAULT_REDIS_URL),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters (npm start generates one)'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().default('tessera'),
  S3_ACCESS_KEY_ID: z.string().default(LOCAL_S3_CREDENTIALS.accessKeyId),
  S3_SECRET_ACCESS_KEY: z.string().default(LOCAL_S3_CREDENTIALS.secretAccessKey),
  /** Largest file an image upload may be, in bytes (default 50 GiB). */
  IMAGE_MAX_BYTES: z.coerce.number().int().positive().default(50 * 2 ** 30),
  /** Requests per minute per user or token on /api/v1. */
  API_RATE_LIMIT_PER_MIN: z.coerce.number().int().positive().default(600),
  /** Failed-or-not sign-in attempts per email per 10 minutes. */
  LOGIN_ATTEMPTS_PER_10_MIN: z.coerce.number().int().positive().default(10),
  /** Sign-ups per client address per hour. */
  SIGNUPS_PER_HOUR: z.coerce.number().int().positive().default(20),
});
export type WebEnv = z.infer<typeof EnvSchema> & { s3: S3Config };

let cached: WebEnv | undefined;

/** The only reader of process.env in the web app; parsed once. */
export function env(): WebEnv {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid web environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    s3: S3ConfigSchema.parse({
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    }),
  };
  return cached;
}
