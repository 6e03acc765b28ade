export { getTrainingRunPredictions as GET } from '@/server/api/endpoints/training';
