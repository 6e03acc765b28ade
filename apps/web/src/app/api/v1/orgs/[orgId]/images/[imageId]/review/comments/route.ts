export { getReviewComments as GET, postReviewComment as POST } from '@/server/api/endpoints/annotations';
