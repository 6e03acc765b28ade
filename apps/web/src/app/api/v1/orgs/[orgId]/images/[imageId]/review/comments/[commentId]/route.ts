export { patchReviewComment as PATCH } from '@/server/api/endpoints/annotations';
