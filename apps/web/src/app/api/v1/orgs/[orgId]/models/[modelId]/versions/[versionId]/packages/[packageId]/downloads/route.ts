export { postPackageDownload as POST } from '@/server/api/endpoints/models';
