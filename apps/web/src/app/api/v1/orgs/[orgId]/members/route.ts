export { getMembers as GET } from '@/server/api/endpoints/organization';
