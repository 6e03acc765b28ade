import type { Db } from '@tessera/db';
import type { Principal } from './authenticate';

/**
 * The project a request is about, from its route params (a project id, or an image, training run, inference run or
 * model that belongs to one). Null for organisation-wide routes.
 */
export async function projectOfRequest(db: Db, organizationId: string, params: Record<string, string>): Promise<string | null> {
  const where = { organizationId };
  if (params.projectId) return params.projectId;
  if (params.imageId) return (await db.image.findFirst({ where: { ...where, id: params.imageId }, select: { projectId: true } }))?.projectId ?? null;
  if (params.runId) {
    const training = await db.trainingRun.findFirst({ where: { ...where, id: params.runId }, select: { projectId: true } });
    if (training) return training.projectId;
    return (await db.inferenceRun.findFirst({ where: { ...where, id: params.runId }, select: { projectId: true } }))?.projectId ?? null;
  }
  if (params.modelId) return (await db.model.findFirst({ where: { ...where, id: params.modelId }, select: { projectId: true } }))?.projectId ?? null;
  return null;
}

/**
 * The service team (users with the platform flag) works in a customer's project while the customer's accepted order
 * grants it: as an ANNOTATOR of that project only, signed in (never with a token), until the grant expires or the
 * model is delivered. Everywhere else in the organisation they are strangers.
 */
export async function serviceGrantRole(db: Db, p: Principal, organizationId: string, params: Record<string, string>) {
  if (p.via !== 'session') return null;
  const user = await db.user.findUnique({ where: { id: p.userId }, select: { isPlatformStaff: true } });
  if (!user?.isPlatformStaff) return null;
  const projectId = await projectOfRequest(db, organizationId, params);
  if (!projectId) return null;
  const grant = await db.serviceGrant.findFirst({
    where: { organizationId, projectId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return grant ? ('ANNOTATOR' as const) : null;
}
