import type { Db } from '@tessera/db';
import type { Storage } from '@tessera/storage';
import type { Actor } from '../actor';
import { ApiError } from '../errors';
import { requireProject } from './manage-models';
import { registerVersion } from './register-version';

const EXTENSIONS = /\.(czann|czmodel|czseg)$/i;

/** Import of a model trained elsewhere: validated (findings returned), registered as a version with source IMPORTED. */
export async function importModel(db: Db, storage: Storage, actor: Actor, input: { projectId: string; fileName: string; modelName?: string; bytes: Uint8Array }) {
  await requireProject(db, actor, input.projectId);
  if (!EXTENSIONS.test(input.fileName)) throw new ApiError('VALIDATION_FAILED', 'Import a .czann, .czmodel or .czseg file (name the file with its extension).');
  const modelName = (input.modelName ?? input.fileName.replace(EXTENSIONS, '')).trim().slice(0, 100) || 'Imported model';
  return registerVersion(db, storage, {
    organizationId: actor.organizationId, actorUserId: actor.userId, projectId: input.projectId, modelName,
    fileName: input.fileName, bytes: input.bytes, source: 'IMPORTED', lineage: { importedFrom: input.fileName },
  });
}
