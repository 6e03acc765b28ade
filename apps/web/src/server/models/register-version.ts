import { createHash } from 'node:crypto';
import type { Db, ModelSource, Prisma } from '@tessera/db';
import { isCzannError, readModel, validateModel, type CzModel, type Finding } from '@tessera/czann';
import { orgKey, putObject, type Storage } from '@tessera/storage';
import { recordAudit } from '../audit/record-audit';
import { ApiError } from '../errors';
import { toModelDto, toVersionDto } from './model-dto';
import { safeFileName } from './read-upload';

export interface RegisterInput {
  organizationId: string;
  actorUserId: string;
  projectId: string;
  modelName: string;
  fileName: string;
  bytes: Uint8Array;
  source: ModelSource;
  lineage: Record<string, unknown>;
  notes?: string;
}

/** Reads and validates a model file; a file that cannot be read at all is a 400 with the reader's reason. */
export async function readUploadedModel(bytes: Uint8Array): Promise<{ model: CzModel; findings: Finding[]; valid: boolean }> {
  let model: CzModel;
  try {
    model = await readModel(bytes);
  } catch (e) {
    if (isCzannError(e)) throw new ApiError('VALIDATION_FAILED', `This is not a readable .czann/.czmodel/.czseg file: ${e.message}`, { code: e.code });
    throw e;
  }
  const report = validateModel(model);
  return { model, findings: report.findings, valid: report.valid };
}

/**
 * Registers a model file as the next version of a model (created by name in the project when new): the file goes
 * to S3 first, then the rows and the audit event in one transaction. Validation findings are kept on the version.
 */
export async function registerVersion(db: Db, storage: Storage, input: RegisterInput) {
  const { model, findings, valid } = await readUploadedModel(input.bytes);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const fileName = safeFileName(input.fileName, `model.${model.format}`);
  const key = orgKey(input.organizationId, 'models', 'files', `${sha256}.${model.format}`);
  await putObject(storage, key, input.bytes, 'application/zip');
  const md = model.metadata;
  const metadata = { ...md, extra: md.extra } as unknown as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    const m = (await tx.model.findFirst({ where: { organizationId: input.organizationId, projectId: input.projectId, name: input.modelName } }))
      ?? (await tx.model.create({ data: { organizationId: input.organizationId, projectId: input.projectId, name: input.modelName } }));
    const last = await tx.modelVersion.findFirst({ where: { modelId: m.id }, orderBy: { number: 'desc' }, select: { number: true } });
    const v = await tx.modelVersion.create({
      data: {
        organizationId: input.organizationId, modelId: m.id, number: (last?.number ?? 0) + 1, source: input.source, format: model.format,
        modelType: md.type, classes: md.classes ?? [], fileKey: key, fileName, fileSha256: sha256, fileBytes: input.bytes.length,
        metadata, findings: findings as unknown as Prisma.InputJsonValue, valid, lineage: input.lineage as Prisma.InputJsonValue,
        notes: input.notes ?? '', createdById: input.actorUserId,
      },
    });
    await recordAudit(tx, {
      organizationId: input.organizationId, actorUserId: input.actorUserId, action: `model.version.${input.source.toLowerCase()}`,
      targetType: 'modelVersion', targetId: v.id, data: { model: m.name, number: v.number, fileName, sha256, valid },
    });
    return { model: toModelDto(m), version: toVersionDto(v) };
  });
}
