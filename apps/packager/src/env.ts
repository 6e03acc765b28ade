import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@tessera/db';
import { DEFAULT_REDIS_URL } from '@tessera/jobs';
import { LOCAL_S3_CREDENTIALS, S3ConfigSchema } from '@tessera/storage';

const EnvSchema = z.object({
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.string().default(DEFAULT_REDIS_URL),
  PACKAGER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().default('tessera'),
  S3_ACCESS_KEY_ID: z.string().default(LOCAL_S3_CREDENTIALS.accessKeyId),
  S3_SECRET_ACCESS_KEY: z.string().default(LOCAL_S3_CREDENTIALS.secretAccessKey),
  /** Docker Engine for building bundle images (unix:// or tcp://); default: /var/run/docker.sock where it exists. */
  DOCKER_HOST: z.string().optional(),
  /** Largest image ingest accepts, in pixel values (width × height × channels × Z × T). */
  IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(4 * 2 ** 30),
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

/** S3 settings in @tessera/storage's shape. */
export function s3Config(env: Env) {
  return S3ConfigSchema.parse({
    endpoint: env.S3_ENDPOINT, region: env.S3_REGION, bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  });
}
