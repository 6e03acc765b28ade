/**
 * Runs the local S3 server in processes of its own (so its event loops share nothing with the platform's runner or a
 * benchmark's clients). Argument: JSON LocalS3Options and { processes }. The server keeps all its state in
 * `directory` (objects with their metadata, multipart uploads, buckets), so several processes can serve
 * the same directory behind one port (node:cluster shares the listening socket): one JavaScript event loop is what
 * limits it, and with `processes` > 1 it uses more than one core, as a real S3 server would. Prints
 * "listening <endpoint>" once every process listens; SIGTERM closes them all.
 */
import cluster from 'node:cluster';
import { startLocalS3, type LocalS3Options } from './local-s3';

const opts = JSON.parse(process.argv[2] ?? '{}') as LocalS3Options & { processes?: number };
const processes = Math.max(1, opts.processes ?? 1);

if (processes === 1 || cluster.isWorker) {
  const s3 = await startLocalS3(opts);
  if (cluster.isWorker) process.send!({ listening: s3.endpoint });
  else console.log(`listening ${s3.endpoint}`);
  const stop = () => void s3.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (!cluster.isWorker) onParentGone(stop);
} else {
  // The first process creates the buckets; the others start once it listens.
  const fork = () =>
    new Promise<string>((resolve, reject) => {
      const worker = cluster.fork();
      worker.once('message', (m: { listening?: string }) => (m.listening ? resolve(m.listening) : undefined));
      worker.once('exit', (code) => reject(new Error(`a local S3 process exited (${code}) during start-up`)));
    });
  const endpoint = await fork();
  await Promise.all(Array.from({ length: processes - 1 }, fork));
  console.log(`listening ${endpoint}`);
  const stop = () => {
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    if (!left) process.exit(0);
    for (const w of workers) {
      w!.once('exit', () => --left === 0 && process.exit(0));
      w!.kill('SIGTERM');
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  onParentGone(stop);
}

/** startLocalS3Process holds our stdin open: when it ends, the process that started us is gone (even if it crashed). */
function onParentGone(stop: () => void) {
  process.stdin.on('end', stop).resume();
}
