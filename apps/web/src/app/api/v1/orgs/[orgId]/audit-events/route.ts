export { getAuditEvents as GET } from '@/server/api/endpoints/organization';
