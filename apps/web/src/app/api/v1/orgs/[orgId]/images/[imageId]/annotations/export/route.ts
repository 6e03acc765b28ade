export { getImageExport as GET } from '@/server/api/endpoints/annotations';
