import { ALL_ENDPOINTS } from '@/server/api/endpoints';
import { withPublic } from '@/server/api/endpoint';
import { buildOpenApi } from '@/server/api/openapi';

/** Not in ALL_ENDPOINTS itself (it is built from that list). */
export const GET = withPublic(
  { method: 'GET', path: '/api/v1/openapi.json', summary: 'This OpenAPI document' },
  async () => buildOpenApi(ALL_ENDPOINTS),
);
