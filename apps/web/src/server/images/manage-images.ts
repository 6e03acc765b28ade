import type { Db } from '@tessera/db';
import { deletePrefix, orgKey, type Storage } from '@tessera/storage';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { toImageDto } from './image-dto';
import { abortUpload } from './manage-uploads';

export async function listImages(db: Db, secret: string, actor: Actor, projectId: string) {
  const project = await db.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { id: true } });
  if (!project) throw notFound('Project');
  const rows = await db.image.findMany({ where: { organizationId: actor.organizationId, projectId }, orderBy: { createdAt: 'desc' } });
  return rows.map((r) => toImageDto(r, secret));
}

export async function getImage(db: Db, secret: string, actor: Actor, projectId: string, imageId: string) {
  const row = await db.image.findFirst({ where: { id: imageId, projectId, organizationId: actor.organizationId } });
  if (!row) throw notFound('Image');
  return toImageDto(row, secret);
}

/** Deletes the row and every object of the image in S3 (original, pyramid, thumbnail, unfinished parts). */
export async function deleteImage(db: Db, storage: Storage, actor: Actor, projectId: string, imageId: string) {
  const row = await db.image.findFirst({ where: { id: imageId, projectId, organizationId: actor.organizationId } });
  if (!row) throw notFound('Image');
  await abortUpload(storage, row);
  const removed = await deletePrefix(storage, `${orgKey(actor.organizationId, 'images', row.id)}/`);
  await db.$transaction(async (tx) => {
    await tx.image.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      organizationId: actor.organizationId, actorUserId: actor.userId, action: 'image.deleted', targetType: 'image', targetId: row.id,
      data: { name: row.name, objectsRemoved: removed },
    });
  });
}
