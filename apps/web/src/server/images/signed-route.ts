import type { z } from 'zod';
import { ApiError, errorResponse } from '../errors';
import type { EndpointSpec, NextHandler } from '../api/endpoint';

type RouteCtx = { params: Promise<Record<string, string | string[]>> };

/**
 * A GET route authorised by a signed URL instead of a session or token (image chunks: hundreds per view, fetched by
 * the viewer and cached by the browser). No credentials → 401; a wrong or expired signature → 403. Registered like
 * every endpoint (spec, OpenAPI, tenant-isolation test) with auth 'public' because no session is consulted.
 */
export function withSignedUrl(
  spec: EndpointSpec<undefined, z.ZodType | undefined>,
  run: (req: Request, params: Record<string, string>) => Promise<Response>,
): NextHandler {
  const handler = async (req: Request, ctx: RouteCtx): Promise<Response> => {
    try {
      const raw = await ctx.params;
      const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
      return await run(req, params);
    } catch (e) {
      return signedRouteFailure(`${spec.method} ${spec.path}`, e);
    }
  };
  return Object.assign(handler, { spec: { ...spec, auth: 'public' as const } }) as NextHandler;
}

/** What a signed route answers when it throws (logged unless it is an ApiError meant for the client). */
export function signedRouteFailure(route: string, e: unknown): Response {
  if (e instanceof ApiError) return errorResponse(e);
  console.error(`[api] ${route} failed`, e);
  return errorResponse(new ApiError('INTERNAL', 'Something went wrong on our side; try again.'));
}
