import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@tessera/db';
import { DEFAULT_REDIS_URL } from '@tessera/jobs';
import { LOCAL_S3_CREDENTIALS, S3ConfigSchema } from '@tessera/storage';

const EnvSchema = z.object({
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.string().default(DEFAULT_REDIS_URL),
  TRAINER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** onnxruntime intra-op threads per training run (0 = all cores). */
  TRAINER_THREADS: z.coerce.number().int().min(0).max(256).default(0),
  /** onnxruntime execution providers in order of preference, comma-separated (a GPU host: `cuda,cpu`). */
  TRAINER_PROVIDERS: z.string().default('cpu'),
  /**
   * How long a job's lock lasts without renewal: a worker that died (kill -9) is noticed this long after its last
   * renewal, and its run resumes from the last checkpoint on the next worker.
   */
  TRAINER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** How often a run may be picked up again after losing its worker before it is failed. */
  TRAINER_MAX_STALLS: z.coerce.number().int().min(0).max(100).default(5),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().default('tessera'),
  S3_ACCESS_KEY_ID: z.string().default(LOCAL_S3_CREDENTIALS.accessKeyId),
  S3_SECRET_ACCESS_KEY: z.string().default(LOCAL_S3_CREDENTIALS.secretAccessKey),
});
export type Env = z.infer<typeof EnvSchema>;

/** The only reader of process.env in this app. */
export function parseEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid trainer environment: ${msg}`);
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
