import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { postProject } from '@/server/api/endpoints/projects';
import { db } from '@/server/context';
import { callRoute } from '../../../test/call-route';
import { orgWithMembers } from '../../../test/api-fixture';

export const uid = () => randomUUID();

/** An organisation with annotator, reviewer and viewer members, a project with classes and one ready image. */
export async function annotationFixture(kind: 'SEMANTIC' | 'INSTANCE' = 'INSTANCE', size = { width: 64, height: 48 }) {
  const org = await orgWithMembers(['ANNOTATOR', 'REVIEWER', 'VIEWER']);
  const p = await callRoute(postProject, {
    method: 'POST',
    params: { orgId: org.orgId },
    auth: org.owner.auth,
    body: { name: `Cells ${uid().slice(0, 6)}`, kind, labelClasses: [{ name: 'Background', color: '#333333' }, { name: 'Nucleus', color: '#ff0000' }] },
  });
  expect(p.status).toBe(201);
  const image = await db().image.create({
    data: {
      organizationId: org.orgId,
      projectId: p.json.id,
      name: 'cells.tif',
      status: 'READY',
      sizeBytes: 1n,
      sourceKey: `test/${uid()}`,
      partSize: 1,
      partCount: 1,
      width: size.width,
      height: size.height,
      sizeC: 1,
      dtype: 'uint8',
    },
  });
  const classes = p.json.labelClasses as { id: string; name: string }[];
  return {
    ...org,
    projectId: p.json.id as string,
    imageId: image.id,
    background: classes.find((c) => c.name === 'Background')!.id,
    nucleus: classes.find((c) => c.name === 'Nucleus')!.id,
  };
}

export function strokeOp(classId: string, points: number[], width = 3, id = uid()) {
  return { type: 'create' as const, key: uid(), annotation: { id, kind: 'brush' as const, labelClassId: classId, geometry: { type: 'polyline' as const, points, width } } };
}

export function boxOp(classId: string, x0: number, y0: number, x1: number, y1: number, kind: 'polygon' | 'instance' = 'instance', id = uid()) {
  return { type: 'create' as const, key: uid(), annotation: { id, kind, labelClassId: classId, geometry: { type: 'polygon' as const, rings: [[x0, y0, x1, y0, x1, y1, x0, y1]] } } };
}
