import type { LabelClass, Project } from '@tessera/db';

export function toLabelClassDto(c: LabelClass) {
  return { id: c.id, name: c.name, color: c.color, order: c.order };
}

export function toProjectDto(p: Project & { labelClasses: LabelClass[] }) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    kind: p.kind,
    archived: p.archivedAt !== null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    labelClasses: [...p.labelClasses].sort((a, b) => a.order - b.order).map(toLabelClassDto),
  };
}
