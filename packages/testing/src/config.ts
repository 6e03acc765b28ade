import { LOCAL_S3_CREDENTIALS } from '@tessera/storage';
/** Where integration tests find the real services. CI and developers share these defaults. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5';
export const TEST_S3_PORT = 9311;
export const TEST_S3_BUCKET = 'tessera-test';
export const TEST_S3_CONFIG = {
  endpoint: `http://127.0.0.1:${TEST_S3_PORT}`,
  region: 'us-east-1',
  bucket: TEST_S3_BUCKET,
  ...LOCAL_S3_CREDENTIALS,
  forcePathStyle: true,
};
