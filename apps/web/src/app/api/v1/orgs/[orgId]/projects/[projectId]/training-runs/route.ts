export { getProjectTrainingRuns as GET, postProjectTrainingRun as POST } from '@/server/api/endpoints/training';
