export { getImageFile as GET } from '@/server/api/endpoints/images';
