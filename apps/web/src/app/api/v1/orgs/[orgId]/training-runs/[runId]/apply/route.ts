export { postTrainingRunApply as POST } from '@/server/api/endpoints/training';
