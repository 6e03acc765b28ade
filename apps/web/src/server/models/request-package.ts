import type { Db } from '@tessera/db';
import { enqueue, PACKAGE_BUNDLE, PACKAGE_CZANN } from '@tessera/jobs';
import type { Redis } from 'ioredis';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, notFound } from '../errors';
import { toPackageDto } from './model-dto';
import { requireVersion } from './manage-models';

/** Creates the package row (state the user sees) before enqueueing; its id is the job id. */
export async function requestPackage(db: Db, redis: Redis, actor: Actor, modelId: string, versionId: string, kind: 'CZANN' | 'BUNDLE') {
  const v = await requireVersion(db, actor, modelId, versionId);
  if (kind === 'BUNDLE' && !/Segmentation|Regression/.test(v.modelType)) {
    throw new ApiError('VALIDATION_FAILED', `Bundles are made for segmentation and regression models; this is ${v.modelType}.`);
  }
  const row = await db.$transaction(async (tx) => {
    const p = await tx.modelPackage.create({ data: { organizationId: actor.organizationId, versionId: v.id, kind, createdById: actor.userId } });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'model.package', targetType: 'modelPackage', targetId: p.id, data: { kind, versionId: v.id } });
    return p;
  });
  await enqueue(redis, kind === 'CZANN' ? PACKAGE_CZANN : PACKAGE_BUNDLE, { organizationId: actor.organizationId, packageId: row.id }, { jobId: row.id });
  return toPackageDto(row);
}

export async function getPackage(db: Db, actor: Pick<Actor, 'organizationId'>, modelId: string, versionId: string, packageId: string) {
  const p = await db.modelPackage.findFirst({ where: { id: packageId, versionId, organizationId: actor.organizationId, version: { modelId } } });
  if (!p) throw notFound('Package');
  return toPackageDto(p);
}
