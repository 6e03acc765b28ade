import type { Db } from '@tessera/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { toModelDto, toVersionDto } from './model-dto';

export async function requireProject(db: Db, actor: Pick<Actor, 'organizationId'>, projectId: string) {
  const p = await db.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId } });
  if (!p) throw notFound('Project');
  return p;
}

export async function listModels(db: Db, actor: Actor, projectId: string) {
  await requireProject(db, actor, projectId);
  const models = await db.model.findMany({
    where: { organizationId: actor.organizationId, projectId },
    orderBy: { createdAt: 'asc' },
    include: { versions: { orderBy: { number: 'desc' }, include: { packages: { orderBy: { createdAt: 'desc' } } } } },
  });
  return models.map((m) => ({ ...toModelDto(m), versions: m.versions.map(toVersionDto) }));
}

export async function createModel(db: Db, actor: Actor, projectId: string, input: { name: string; description?: string }) {
  await requireProject(db, actor, projectId);
  try {
    return await db.$transaction(async (tx) => {
      const m = await tx.model.create({ data: { organizationId: actor.organizationId, projectId, name: input.name, description: input.description ?? '' } });
      await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'model.create', targetType: 'model', targetId: m.id, data: { name: m.name } });
      return { ...toModelDto(m), versions: [] };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`A model named "${input.name}" already exists in this project.`);
    throw e;
  }
}

export async function getModel(db: Db, actor: Pick<Actor, 'organizationId'>, modelId: string) {
  const m = await db.model.findFirst({
    where: { id: modelId, organizationId: actor.organizationId },
    include: { versions: { orderBy: { number: 'desc' }, include: { packages: { orderBy: { createdAt: 'desc' } } } } },
  });
  if (!m) throw notFound('Model');
  return { ...toModelDto(m), versions: m.versions.map(toVersionDto) };
}

export async function requireVersion(db: Db, actor: Pick<Actor, 'organizationId'>, modelId: string, versionId: string) {
  const v = await db.modelVersion.findFirst({ where: { id: versionId, modelId, organizationId: actor.organizationId }, include: { model: true } });
  if (!v) throw notFound('Model version');
  return v;
}

export async function updateVersionNotes(db: Db, actor: Actor, modelId: string, versionId: string, notes: string) {
  await requireVersion(db, actor, modelId, versionId);
  return db.$transaction(async (tx) => {
    const v = await tx.modelVersion.update({ where: { id: versionId }, data: { notes } });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'model.version.notes', targetType: 'modelVersion', targetId: v.id });
    return toVersionDto(v);
  });
}

/** Metrics of the given versions (all when none given) side by side: one row per metric name. */
export async function compareVersions(db: Db, actor: Actor, modelId: string, versionIds: string[] | undefined) {
  const model = await getModel(db, actor, modelId);
  const versions = model.versions.filter((v) => !versionIds?.length || versionIds.includes(v.id)).sort((a, b) => a.number - b.number);
  const names = [...new Set(versions.flatMap((v) => Object.keys((v.metrics ?? {}) as Record<string, unknown>)))].sort();
  return {
    versions: versions.map((v) => ({ id: v.id, number: v.number, source: v.source, createdAt: v.createdAt })),
    metrics: names.map((name) => ({ name, values: versions.map((v) => { const x = (v.metrics as Record<string, unknown>)[name]; return typeof x === 'number' ? x : null; }) })),
  };
}
