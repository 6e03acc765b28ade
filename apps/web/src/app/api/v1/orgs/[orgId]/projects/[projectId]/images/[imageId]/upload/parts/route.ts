export { postUploadParts as POST, putUploadPart as PUT } from '@/server/api/endpoints/images';
