export { deleteInvitation as DELETE } from '@/server/api/endpoints/organization';
