import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeMultipartUpload, createMultipartUpload, createStorage, ensureBucket, HEAP_REUSE_ENV, presignUploadPart, S3ConfigSchema, startLocalS3Process } from './index';

const PORT = 9377;
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });

describe('the local S3 server in two processes on one directory', () => {
  it('serves writes and reads from either process, multipart included, and stops both', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-s3-cluster-'));
    const s3 = await startLocalS3Process({ directory: dir, port: PORT, buckets: ['cluster-test'], processes: 2 });
    try {
      const storage = createStorage(S3ConfigSchema.parse({ endpoint: s3.endpoint, bucket: 'cluster-test' }));
      await ensureBucket(storage);
      // many connections at once: the cluster spreads them over both processes
      const objects = Array.from({ length: 60 }, (_, k) => [`c/${k}`, new Uint8Array(4096 + k).map((_, i) => (i + k) & 255)] as const);
      await Promise.all(objects.map(([key, body]) => storage.fastPut(key, body)));
      const back = await Promise.all(objects.map(([key, body]) => storage.fastGetRange(key, 0, body.length)));
      back.forEach((b, k) => expect(b).toEqual(objects[k]![1]));

      const part = new Uint8Array(5 * 2 ** 20).map((_, i) => i & 255);
      const uploadId = await createMultipartUpload(storage, 'c/multi');
      const etags = [];
      for (const n of [1, 2]) {
        const url = await presignUploadPart(storage, 'c/multi', uploadId, n);
        const res = await fetch(url, { method: 'PUT', body: part });
        expect(res.status).toBe(200);
        etags.push({ partNumber: n, etag: res.headers.get('etag')! });
      }
      await completeMultipartUpload(storage, 'c/multi', uploadId, etags);
      expect(await storage.fastGetRange('c/multi', 5 * 2 ** 20 - 2, 5 * 2 ** 20 + 2)).toEqual(new Uint8Array([254, 255, 0, 1]));
      // the server keeps freed heap for reuse (HEAP_REUSE_ENV), as the platform's workers do
      const environ = (await readFile(`/proc/${s3.pid}/environ`, 'utf8')).split('\0');
      for (const [k, v] of Object.entries(HEAP_REUSE_ENV)) expect(environ).toContain(`${k}=${v}`);
    } finally {
      await s3.close();
      await rm(dir, { recursive: true, force: true });
    }
    expect(await portOpen(PORT)).toBe(false);
  });

  it('stops when the process that started it dies without closing it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-s3-orphan-'));
    const script = `import { startLocalS3Process } from './src/index.ts';
      await startLocalS3Process({ directory: ${JSON.stringify(dir)}, port: ${PORT + 1}, processes: 2 });
      process.exit(3);`;
    try {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.join(import.meta.dirname, '..'), stdio: 'ignore' });
        child.on('exit', resolve);
      });
      expect(code).toBe(3);
      let open = true;
      for (let i = 0; i < 50 && open; i++) {
        await new Promise((r) => setTimeout(r, 100));
        open = await portOpen(PORT + 1);
      }
      expect(open).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
