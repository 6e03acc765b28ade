import type { Db } from '@tessera/db';
import { presignGet, type Storage } from '@tessera/storage';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, notFound } from '../errors';

export const DOWNLOAD_TTL_S = 300;

interface Stored { key: string; fileName: string; sha256: string; bytes: number }

async function presignAudited(db: Db, storage: Storage, actor: Pick<Actor, 'organizationId' | 'userId'>, file: Stored, target: { type: string; id: string; artifact: string }) {
  const url = await presignGet(storage, file.key, { expiresIn: DOWNLOAD_TTL_S, filename: file.fileName });
  await recordAudit(db, {
    organizationId: actor.organizationId, actorUserId: actor.userId, action: 'model.download', targetType: target.type, targetId: target.id,
    data: { artifact: target.artifact, fileName: file.fileName, sha256: file.sha256 },
  });
  return { url, fileName: file.fileName, sha256: file.sha256, bytes: file.bytes, expiresInSeconds: DOWNLOAD_TTL_S };
}

/** A short-lived presigned URL for one artefact of a finished package (or the version's own file), audited. */
export async function downloadArtifact(
  db: Db, storage: Storage, actor: Pick<Actor, 'organizationId' | 'userId'>,
  ids: { modelId: string; versionId: string; packageId?: string }, artifact: string,
) {
  const version = await db.modelVersion.findFirst({ where: { id: ids.versionId, modelId: ids.modelId, organizationId: actor.organizationId } });
  if (!version) throw notFound('Model version');
  if (!ids.packageId) {
    return presignAudited(db, storage, actor, { key: version.fileKey, fileName: version.fileName, sha256: version.fileSha256, bytes: version.fileBytes }, { type: 'modelVersion', id: version.id, artifact: 'source' });
  }
  const p = await db.modelPackage.findFirst({ where: { id: ids.packageId, versionId: version.id, organizationId: actor.organizationId } });
  if (!p) throw notFound('Package');
  const file = (p.artifacts as unknown as Record<string, Stored>)[artifact];
  if (!file) throw new ApiError('NOT_FOUND', `This package has no "${artifact}" artefact${p.status === 'SUCCEEDED' || p.status === 'FAILED' ? '' : ' yet (still packaging)'}.`);
  if (p.status !== 'SUCCEEDED' && artifact !== 'parity') throw new ApiError('CONFLICT', 'This package failed its parity check; only its parity report can be downloaded.');
  return presignAudited(db, storage, actor, file, { type: 'modelPackage', id: p.id, artifact });
}
