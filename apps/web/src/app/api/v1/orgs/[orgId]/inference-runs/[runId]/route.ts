export { getInferenceRun as GET } from '@/server/api/endpoints/models';
