/**
 * Runs the local S3 server in a process of its own (so its event loop shares nothing with the platform's runner or a
 * benchmark's clients). Argument: JSON { directory, port, buckets }. Prints "listening <endpoint>"; SIGTERM closes.
 */
import { startLocalS3 } from './local-s3';

const opts = JSON.parse(process.argv[2] ?? '{}') as { directory: string; port?: number; buckets?: string[] };
const s3 = await startLocalS3(opts);
console.log(`listening ${s3.endpoint}`);
const stop = () => void s3.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
