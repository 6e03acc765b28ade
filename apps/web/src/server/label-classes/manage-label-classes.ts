import type { Db } from '@tessera/db';
import type { Actor, Tx } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { toLabelClassDto } from '../projects/project-dto';

async function assertProject(tx: Tx, actor: Actor, projectId: string) {
  const p = await tx.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { id: true } });
  if (!p) throw notFound('Project');
}

const classTaken = (name: string) => conflict(`This project already has a class named "${name}".`);

export async function createLabelClass(db: Db, actor: Actor, projectId: string, input: { name: string; color: string }) {
  try {
    return await db.$transaction(async (tx) => {
      await assertProject(tx, actor, projectId);
      const last = await tx.labelClass.aggregate({ where: { projectId }, _max: { order: true } });
      const c = await tx.labelClass.create({
        data: { ...input, projectId, organizationId: actor.organizationId, order: (last._max.order ?? -1) + 1 },
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: 'label_class.created',
        targetType: 'label_class',
        targetId: c.id,
        data: { projectId, ...input },
      });
      return toLabelClassDto(c);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw classTaken(input.name);
    throw e;
  }
}

export async function updateLabelClass(
  db: Db,
  actor: Actor,
  projectId: string,
  classId: string,
  input: { name?: string; color?: string; order?: number },
) {
  try {
    return await db.$transaction(async (tx) => {
      const c = await tx.labelClass.findFirst({ where: { id: classId, projectId, organizationId: actor.organizationId } });
      if (!c) throw notFound('Label class');
      if (input.order !== undefined && input.order !== c.order) await moveClass(tx, projectId, c.id, input.order);
      const updated = await tx.labelClass.update({ where: { id: c.id }, data: { name: input.name, color: input.color } });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: 'label_class.updated',
        targetType: 'label_class',
        targetId: c.id,
        data: { projectId, ...input },
      });
      return toLabelClassDto(updated);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw classTaken(input.name ?? '');
    throw e;
  }
}

/** Reorders so that classId lands at position `to` and orders stay 0..n-1. */
async function moveClass(tx: Tx, projectId: string, classId: string, to: number) {
  const all = await tx.labelClass.findMany({ where: { projectId }, orderBy: { order: 'asc' } });
  const ids = all.map((c) => c.id).filter((id) => id !== classId);
  ids.splice(Math.max(0, Math.min(to, ids.length)), 0, classId);
  await Promise.all(ids.map((id, order) => tx.labelClass.update({ where: { id }, data: { order } })));
}

export async function deleteLabelClass(db: Db, actor: Actor, projectId: string, classId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.labelClass.deleteMany({ where: { id: classId, projectId, organizationId: actor.organizationId } });
    if (count === 0) throw notFound('Label class');
    const rest = await tx.labelClass.findMany({ where: { projectId }, orderBy: { order: 'asc' } });
    await Promise.all(rest.map((c, order) => tx.labelClass.update({ where: { id: c.id }, data: { order } })));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'label_class.deleted',
      targetType: 'label_class',
      targetId: classId,
      data: { projectId },
    });
  });
}
