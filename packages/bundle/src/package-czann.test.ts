import { readdirSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModel, validateModel } from '@tessera/czann';
import { buildDockerImage, dockerTarget, packageCzann } from './index';
import { CZANN_DIR } from './test-models';

describe('packageCzann on every real model file', () => {
  it.each(readdirSync(CZANN_DIR))('%s → a .czann that validates with no error and has MinOverlap and Classes', async (name) => {
    const pkg = await packageCzann(await readModel(path.join(CZANN_DIR, name)), { modelName: `m-${name}` });
    const back = await readModel(pkg.czann);
    expect(back.format).toBe('czann');
    expect(validateModel(back).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(back.metadata.minOverlap).toBeDefined();
    expect(back.metadata.classes?.length).toBeGreaterThanOrEqual(1);
    expect(back.metadata.modelName).toBe(`m-${name}`);
    expect(pkg.czannSha256).toMatch(/^[0-9a-f]{64}$/);
    if (name.endsWith('_out5.czann')) expect(pkg.repairs.join()).toMatch(/OutputShape/);
    if (name.endsWith('.czseg')) expect(pkg.repairs.join()).toMatch(/converted legacy/);
  });
});

describe('docker image build', () => {
  it('says so and builds nothing where no daemon answers', async () => {
    const r = await buildDockerImage(new Uint8Array(10), 'x:v1', 'unix:///nonexistent/docker.sock');
    expect(r.built).toBe(false);
    expect(r.note).toMatch(/No Docker daemon/);
  });

  it('posts the build context to the Engine API and returns docker save output where a daemon answers', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fake-docker-'));
    const sock = path.join(dir, 'docker.sock');
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => {
        if (req.url === '/_ping') res.end('OK');
        else if (req.url?.startsWith('/build')) res.end('{"stream":"Successfully built"}\n');
        else res.end('IMAGE-TAR');
      });
    });
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      expect(dockerTarget(`unix://${sock}`)).toEqual({ socketPath: sock });
      const r = await buildDockerImage(new Uint8Array([1, 2, 3]), 'tessera-m:v1', `unix://${sock}`);
      expect(r.built).toBe(true);
      expect(Buffer.from(r.image!).toString()).toBe('IMAGE-TAR');
      expect(seen).toEqual(['GET /_ping', 'POST /build?t=tessera-m%3Av1&rm=1&forcerm=1', 'GET /images/tessera-m%3Av1/get']);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
