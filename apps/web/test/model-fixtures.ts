import { db } from '@/server/context';

/** Rows of every model/order kind in one organisation (for route-wide tests such as tenant isolation). */
export async function seedModelRows(organizationId: string, projectId: string, userId: string) {
  const d = db();
  const model = await d.model.create({ data: { organizationId, projectId, name: 'AlphaSecretModel' } });
  const version = await d.modelVersion.create({
    data: {
      organizationId, modelId: model.id, number: 1, source: 'IMPORTED', format: 'czann', modelType: 'SingleClassSemanticSegmentation',
      classes: ['bg', 'AlphaSecretClass'], fileKey: `org/${organizationId}/models/files/x.czann`, fileName: 'alpha-secret.czann', fileSha256: '0'.repeat(64), fileBytes: 1,
    },
  });
  const pkg = await d.modelPackage.create({ data: { organizationId, versionId: version.id, kind: 'CZANN', status: 'QUEUED' } });
  const run = await d.inferenceRun.create({ data: { organizationId, projectId, versionId: version.id, inputKey: `org/${organizationId}/x`, inputName: 'alpha-secret.tif' } });
  const order = await d.modelOrder.create({ data: { organizationId, projectId, goal: 'AlphaSecretGoal', classes: ['AlphaSecretClass'], createdById: userId } });
  return {
    ids: { modelId: model.id, versionId: version.id, packageId: pkg.id, runId: run.id, orderId: order.id },
    secrets: ['AlphaSecretModel', 'AlphaSecretClass', 'AlphaSecretGoal', 'alpha-secret'],
  };
}
