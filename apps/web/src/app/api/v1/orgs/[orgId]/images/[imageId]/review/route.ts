export { postReview as POST } from '@/server/api/endpoints/annotations';
