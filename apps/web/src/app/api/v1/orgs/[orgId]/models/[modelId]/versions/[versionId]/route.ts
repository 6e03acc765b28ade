export { patchModelVersion as PATCH } from '@/server/api/endpoints/models';
