export { getTokens as GET, postToken as POST } from '@/server/api/endpoints/tokens';
