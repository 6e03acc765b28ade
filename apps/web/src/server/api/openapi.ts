import { z } from 'zod';
import type { NextHandler } from './endpoint';

const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

const jsonSchema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

/** OpenAPI 3.1 document generated from the same zod schemas the handlers validate with. */
export function buildOpenApi(endpoints: NextHandler[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { spec } of endpoints) {
    const params = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = spec.query ? Object.keys((spec.query as z.ZodObject).shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })) : [];
    const status = String(spec.successStatus ?? (spec.response ? 200 : 204));
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = {
      summary: spec.summary,
      security: spec.auth === 'public' ? [] : spec.auth === 'user' ? [{ session: [] }] : [{ session: [] }, { bearer: [] }],
      ...(spec.permission ? { 'x-permission': spec.permission } : {}),
      parameters: [...params, ...query],
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses: {
        [status]: spec.response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } } : { description: 'Done' },
        default: { description: 'Error', content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tessera API', version: '1', description: 'Organisations, members, projects, label classes and API tokens.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (tsr_...) scoped to one organisation' },
        session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
      },
    },
    paths,
  };
}
