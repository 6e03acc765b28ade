import './setup-env';
import { describe, expect, it } from 'vitest';
import { createStorage } from '@tessera/storage';
import { createRedis } from '@tessera/jobs';
import { TEST_S3_CONFIG } from '@tessera/testing';
import { GET } from '@/app/api/health/route';
import { db } from '@/server/context';
import { checkHealth } from '@/server/health/check-health';

describe('GET /api/health', () => {
  it('reports each service and the workers; 503 while a worker has no fresh heartbeat', async () => {
    await db().workerHeartbeat.deleteMany({ where: { kind: { in: ['trainer', 'packager'] } } });
    const down = await GET();
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toMatchObject({ postgres: { ok: true }, redis: { ok: true }, s3: { ok: true }, missingWorkers: ['trainer', 'packager'] });

    const now = new Date();
    for (const kind of ['trainer', 'packager']) {
      await db().workerHeartbeat.create({ data: { id: `${kind}:health-test:1`, kind, hostname: 'health-test', pid: 1, queues: [], startedAt: now, lastSeenAt: now } });
    }
    const up = await GET();
    expect(up.status).toBe(200);
    expect((await up.json()).status).toBe('ok');
    await db().workerHeartbeat.deleteMany({ where: { hostname: 'health-test' } });
  });

  it('names the service that does not answer', async () => {
    const deadS3 = createStorage({ ...TEST_S3_CONFIG, endpoint: 'http://127.0.0.1:1' });
    const deadRedis = createRedis('redis://127.0.0.1:1', { lazy: true });
    deadRedis.on('error', () => undefined);
    const h = await checkHealth({ db: db(), redis: deadRedis, storage: deadS3 });
    expect(h.status).toBe('degraded');
    expect(h.s3.ok).toBe(false);
    expect(h.redis.ok).toBe(false);
    expect(h.postgres.ok).toBe(true);
    deadRedis.disconnect();
  });
});
