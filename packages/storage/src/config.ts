import { z } from 'zod';

/** The key pair of the local S3 server unless configured otherwise (the S3 configuration's defaults). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'tessera-local', secretAccessKey: 'tessera-local-secret' };

export const S3ConfigSchema = z.object({
  /** Unset: the platform runs its own local S3 server (see startLocalS3). */
  endpoint: z.string().url().optional(),
  region: z.string().default('us-east-1'),
  bucket: z.string().min(3).default('tessera'),
  accessKeyId: z.string().default(LOCAL_S3_CREDENTIALS.accessKeyId),
  secretAccessKey: z.string().default(LOCAL_S3_CREDENTIALS.secretAccessKey),
  forcePathStyle: z.boolean().default(true),
});
export type S3Config = z.infer<typeof S3ConfigSchema>;

/** Port of the local S3 server started when no endpoint is configured. */
export const LOCAL_S3_PORT = 9310;
export const localS3Endpoint = (port = LOCAL_S3_PORT) => `http://127.0.0.1:${port}`;
