import type { Db, ProjectKind } from '@tessera/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { toProjectDto } from './project-dto';

const withClasses = { labelClasses: true } as const;

export async function listProjects(db: Db, actor: Actor, opts: { includeArchived: boolean }) {
  const rows = await db.project.findMany({
    where: { organizationId: actor.organizationId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    include: withClasses,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toProjectDto);
}

export async function getProject(db: Db, actor: Actor, projectId: string) {
  const p = await db.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, include: withClasses });
  if (!p) throw notFound('Project');
  return toProjectDto(p);
}

const nameTaken = (name: string) => conflict(`A project named "${name}" already exists in this organisation.`);

export async function createProject(
  db: Db,
  actor: Actor,
  input: { name: string; description?: string; kind?: ProjectKind; labelClasses?: { name: string; color: string }[] },
) {
  try {
    return await db.$transaction(async (tx) => {
      const p = await tx.project.create({
        data: {
          organizationId: actor.organizationId,
          name: input.name,
          description: input.description ?? '',
          kind: input.kind ?? 'SEMANTIC',
          labelClasses: {
            create: (input.labelClasses ?? []).map((c, order) => ({ ...c, order, organizationId: actor.organizationId })),
          },
        },
        include: withClasses,
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: 'project.created',
        targetType: 'project',
        targetId: p.id,
        data: { name: p.name },
      });
      return toProjectDto(p);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw input.labelClasses ? conflict('Project names and class names must be unique.') : nameTaken(input.name);
    throw e;
  }
}

export async function updateProject(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { name?: string; description?: string; archived?: boolean },
) {
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.project.updateMany({
        where: { id: projectId, organizationId: actor.organizationId },
        data: {
          name: input.name,
          description: input.description,
          ...(input.archived === undefined ? {} : { archivedAt: input.archived ? new Date() : null }),
        },
      });
      if (count === 0) throw notFound('Project');
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: input.archived === true ? 'project.archived' : input.archived === false ? 'project.unarchived' : 'project.updated',
        targetType: 'project',
        targetId: projectId,
        data: input,
      });
      return toProjectDto(await tx.project.findUniqueOrThrow({ where: { id: projectId }, include: withClasses }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name ?? '');
    throw e;
  }
}
