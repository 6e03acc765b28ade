export { patchMember as PATCH, deleteMember as DELETE } from '@/server/api/endpoints/organization';
