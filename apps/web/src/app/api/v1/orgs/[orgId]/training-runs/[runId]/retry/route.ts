export { postTrainingRunRetry as POST } from '@/server/api/endpoints/training';
