import { db, redis, storage } from '@/server/context';
import { checkHealth } from '@/server/health/check-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth({ db: db(), redis: redis(), storage: storage() });
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
