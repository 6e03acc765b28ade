export { getLabelClasses as GET, postLabelClass as POST } from '@/server/api/endpoints/projects';
