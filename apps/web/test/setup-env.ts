import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_S3_CONFIG } from '@tessera/testing';

/** Points the web app's env at the real test services; import first in every web integration test. */
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.REDIS_URL = TEST_REDIS_URL;
process.env.S3_ENDPOINT = TEST_S3_CONFIG.endpoint;
process.env.S3_BUCKET = TEST_S3_CONFIG.bucket;
process.env.AUTH_SECRET = 'test-secret-test-secret-test-secret-0123456789';
process.env.API_RATE_LIMIT_PER_MIN = process.env.API_RATE_LIMIT_PER_MIN ?? '100000';
process.env.SIGNUPS_PER_HOUR = '100000';
