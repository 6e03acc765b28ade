export { getTrainingRunById as GET } from '@/server/api/endpoints/training';
