/** Display helpers for images. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

export function formatDims(i: { width: number | null; height: number | null; sizeZ: number | null; sizeT: number | null }): string {
  if (!i.width || !i.height) return '—';
  const extra = [(i.sizeZ ?? 1) > 1 ? `${i.sizeZ} Z` : '', (i.sizeT ?? 1) > 1 ? `${i.sizeT} T` : ''].filter(Boolean).join(', ');
  return `${i.width} × ${i.height}${extra ? ` (${extra})` : ''}`;
}

export const imagePaths = {
  list: (orgId: string, projectId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}/images`,
  one: (orgId: string, projectId: string, imageId: string) => `${imagePaths.list(orgId, projectId)}/${encodeURIComponent(imageId)}`,
  page: (orgId: string, projectId: string) => `/o/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}/images`,
  viewer: (orgId: string, projectId: string, imageId: string) => `${imagePaths.page(orgId, projectId)}/${encodeURIComponent(imageId)}`,
};
