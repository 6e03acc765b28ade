import { db, redis } from '../context';
import type { Actor } from '../actor';
import { publishImageEvent, type LiveEvent } from './live-hub';

const PRESENCE_TTL_MS = 20_000;
const COLORS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#008080', '#9a6324'];
const keyOf = (orgId: string, imageId: string) => `tessera:presence:${orgId}:${imageId}`;
const names = new Map<string, string>();

export function presenceColor(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

async function userName(userId: string): Promise<string> {
  const cached = names.get(userId);
  if (cached) return cached;
  const u = await db().user.findUnique({ where: { id: userId }, select: { name: true } });
  const name = u?.name ?? 'Someone';
  names.set(userId, name);
  return name;
}

/** Records where a user is on an image (cursor in image pixels, or null when the pointer left) and tells the others. */
export async function updatePresence(actor: Actor, imageId: string, input: { x: number | null; y: number | null; tool?: string }) {
  const event: Extract<LiveEvent, { type: 'presence' }> = {
    type: 'presence',
    userId: actor.userId,
    name: await userName(actor.userId),
    color: presenceColor(actor.userId),
    x: input.x,
    y: input.y,
    tool: input.tool,
    at: Date.now(),
  };
  const key = keyOf(actor.organizationId, imageId);
  await redis().multi().hset(key, actor.userId, JSON.stringify(event)).pexpire(key, PRESENCE_TTL_MS * 3).exec();
  await publishImageEvent(actor.organizationId, imageId, event);
  return event;
}

export async function leavePresence(actor: Actor, imageId: string) {
  await redis().hdel(keyOf(actor.organizationId, imageId), actor.userId);
  await publishImageEvent(actor.organizationId, imageId, { type: 'leave', userId: actor.userId });
}

/** Who is on the image now (seen within the last 20 s). */
export async function listPresence(orgId: string, imageId: string) {
  const all = await redis().hgetall(keyOf(orgId, imageId));
  const now = Date.now();
  return Object.values(all)
    .map((v) => JSON.parse(v) as Extract<LiveEvent, { type: 'presence' }>)
    .filter((p) => now - p.at < PRESENCE_TTL_MS);
}
