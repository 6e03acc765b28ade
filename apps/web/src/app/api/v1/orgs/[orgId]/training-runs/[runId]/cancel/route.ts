export { postTrainingRunCancel as POST } from '@/server/api/endpoints/training';
