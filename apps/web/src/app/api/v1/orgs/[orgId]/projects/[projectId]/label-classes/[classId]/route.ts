export { patchLabelClass as PATCH, deleteLabelClassById as DELETE } from '@/server/api/endpoints/projects';
