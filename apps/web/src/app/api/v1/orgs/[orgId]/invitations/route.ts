export { getInvitations as GET, postInvitation as POST } from '@/server/api/endpoints/organization';
