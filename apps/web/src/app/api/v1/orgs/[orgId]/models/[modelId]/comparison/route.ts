export { getModelComparison as GET } from '@/server/api/endpoints/models';
