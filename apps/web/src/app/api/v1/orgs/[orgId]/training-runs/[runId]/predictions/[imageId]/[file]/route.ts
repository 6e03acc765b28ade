export { getTrainingRunPredictionFile as GET } from '@/server/api/endpoints/training';
