export { getOrg as GET, patchOrg as PATCH } from '@/server/api/endpoints/organization';
