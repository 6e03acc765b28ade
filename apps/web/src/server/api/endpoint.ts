import type { z } from 'zod';
import type { Db, Role } from '@tessera/db';
import { db as getDb, redis } from '../context';
import { env } from '../env';
import { ApiError, errorResponse, forbidden } from '../errors';
import { roleAllows, type Permission } from '../permissions';
import { BatchedRateLimiter } from '../rate-limit';
import type { Actor } from '../actor';
import { authenticate, requirePrincipal, type Principal } from './authenticate';
import { parseInput, readJsonBody } from './read-body';
import { serviceGrantRole } from './service-grant';
import { memberRole } from '../members/member-role';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface EndpointSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: Method;
  /** OpenAPI-style path, e.g. /api/v1/orgs/{orgId}/projects */
  path: string;
  summary: string;
  body?: B;
  query?: Q;
  /** Response schema for the OpenAPI document (documentation only). */
  response?: z.ZodType;
  successStatus?: number;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type RouteCtx = { params: Promise<Record<string, string | string[]>> };

export interface HandlerInput<B, Q> {
  req: Request;
  params: Record<string, string>;
  body: B;
  query: Q;
  db: Db;
}

export type NextHandler = ((req: Request, ctx: RouteCtx) => Promise<Response>) & { spec: EndpointSpec<z.ZodType | undefined, z.ZodType | undefined> & { auth: AuthMode; permission?: Permission } };
type AuthMode = 'public' | 'user' | 'org';
type Result = unknown;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one request pipeline: authenticate → CSRF check for cookie writes → rate limit → guard (membership, role;
 * before any input is parsed, so outsiders learn nothing from validation errors) → parse query and body → run.
 */
function build<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, G>(
  spec: EndpointSpec<B, Q>,
  auth: AuthMode,
  permission: Permission | undefined,
  guard: (principal: Principal | null, params: Record<string, string>, db: Db) => Promise<G>,
  run: (input: HandlerInput<Infer<B>, Infer<Q>>, guarded: G) => Promise<Result>,
): NextHandler {
  const handler = async (req: Request, ctx: RouteCtx): Promise<Response> => {
    try {
      const raw = await ctx.params;
      const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
      const db = getDb();
      const principal = await authenticate(req, db, env().AUTH_SECRET);
      if (principal?.via === 'session' && !SAFE.has(req.method)) assertSameOrigin(req);
      if (auth !== 'public') requirePrincipal(principal);
      await applyRateLimit(req, principal);
      const guarded = await guard(principal, params, db);
      const url = new URL(req.url);
      const query = (spec.query ? parseInput(spec.query, Object.fromEntries(url.searchParams), 'query') : undefined) as Infer<Q>;
      const body = (spec.body ? await readJsonBody(req, spec.body) : undefined) as Infer<B>;
      const result = await run({ req, params, body, query, db }, guarded);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: spec.successStatus ?? 200, headers: { 'cache-control': 'no-store' } });
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e);
      console.error(`[api] ${spec.method} ${spec.path} failed`, e);
      return errorResponse(new ApiError('INTERNAL', 'Something went wrong on our side. Nothing was changed; try again.'));
    }
  };
  return Object.assign(handler, { spec: { ...spec, auth, permission } }) as NextHandler;
}

/** Cookie-authenticated writes must come from our own pages (CSRF); API tokens are not sent by browsers. */
function assertSameOrigin(req: Request) {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) {
    throw forbidden('Cross-site request refused. Use the Tessera web app or an API token.');
  }
}

async function applyRateLimit(req: Request, principal: Principal | null) {
  const who = principal ? (principal.via === 'token' ? `t:${principal.tokenId}` : `u:${principal.userId}`) : `ip:${clientIp(req)}`;
  const limit = principal ? env().API_RATE_LIMIT_PER_MIN : Math.ceil(env().API_RATE_LIMIT_PER_MIN / 5);
  const r = await apiRateLimiter().hit(`api:${who}`, limit);
  if (!r.allowed) throw new ApiError('RATE_LIMITED', `Too many requests. Try again in ${r.resetSeconds} s.`);
}

const g = globalThis as unknown as { __tesseraApiRateLimiter?: BatchedRateLimiter };
const apiRateLimiter = () => (g.__tesseraApiRateLimiter ??= new BatchedRateLimiter(redis(), 60));

export function clientIp(req: Request): string {
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || req.headers.get('x-real-ip') || 'local';
}

/** No authentication needed (sign-up, invitation preview, the OpenAPI document). Still rate-limited. */
export function withPublic<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: EndpointSpec<B, Q>,
  run: (input: HandlerInput<Infer<B>, Infer<Q>>) => Promise<Result>,
): NextHandler {
  return build(spec, 'public', undefined, async () => undefined, (input) => run(input));
}

/** A signed-in user (session) acting for themselves, outside any one organisation. API tokens are refused here. */
export function withUser<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: EndpointSpec<B, Q>,
  run: (input: HandlerInput<Infer<B>, Infer<Q>> & { userId: string }) => Promise<Result>,
): NextHandler {
  const guard = async (p: Principal | null, _params: Record<string, string>, db: Db) => {
    if (p?.via === 'token') throw forbidden('API tokens are scoped to one organisation; this endpoint needs a signed-in user.');
    const user = await db.user.findUnique({ where: { id: p!.userId }, select: { id: true } });
    if (!user) throw new ApiError('UNAUTHENTICATED', 'This account no longer exists. Sign in again.');
    return user.id;
  };
  return build(spec, 'user', undefined, guard, (input, userId) => run({ ...input, userId }));
}

/**
 * Every organisation-scoped handler: authentication (session or token), membership of :orgId, role permission,
 * token scope, rate limit. A non-member gets 404 so that ids of other organisations reveal nothing.
 */
export function withOrg<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: EndpointSpec<B, Q> & { permission: Permission },
  run: (input: HandlerInput<Infer<B>, Infer<Q>> & { actor: Actor; principal: Principal }) => Promise<Result>,
): NextHandler {
  const guard = async (p: Principal | null, params: Record<string, string>, db: Db) => {
    const principal = p!;
    const organizationId = params.orgId ?? '';
    const role = (await principalRole(db, principal, organizationId)) ?? (await serviceGrantRole(db, principal, organizationId, params));
    if (!role) throw new ApiError('NOT_FOUND', 'Organisation not found.');
    if (!roleAllows(role, spec.permission)) throw forbidden();
    if (principal.via === 'token' && !SAFE.has(spec.method) && !principal.scopes.includes('write')) {
      throw forbidden('This API token is read-only.');
    }
    return { actor: { userId: principal.userId, organizationId, role } satisfies Actor, principal };
  };
  return build(spec, 'org', spec.permission, guard, (input, g) => run({ ...input, ...g }));
}

function principalRole(db: Db, p: Principal, organizationId: string): Promise<Role | null> {
  if (p.via === 'token' && p.organizationId !== organizationId) return Promise.resolve(null);
  return memberRole(db, p.userId, organizationId);
}
