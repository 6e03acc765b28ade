import { randomUUID } from 'node:crypto';
import { DEMO_LOGIN, DEMO_ORG_SLUG, DEMO_PROJECT_NAME, type Db } from '@tessera/db';
import { DEMO_IMAGE_NAME, DEMO_IMAGE_SEED, demoNuclei } from '@tessera/packager/demo-image-layout';
import { TrainSettingsSchema, type TrainSettingsInput } from '@tessera/training';
import type { Actor } from '../actor';
import { applyAnnotationOps } from '../annotations/apply-annotation-ops';
import { OpBatchSchema } from '../annotations/op-schemas';
import { createTrainingRun, type TrainingDeps } from '../training/create-training-run';
import { demoAnnotationOps } from './demo-annotations';

/** The demo run: a small instance model, few steps (about a minute of training on 2 CPU cores). */
export const DEMO_TRAIN_SETTINGS: TrainSettingsInput = {
  name: 'Demo nuclei model',
  modelType: 'instance',
  duration: 'quick',
  advanced: { size: 'small', steps: 150, batch: 4, patch: 128, learningRate: 5e-3, seed: DEMO_IMAGE_SEED, validateEvery: 50, checkpointEvery: 50 },
};

export interface GrowDemoOptions {
  /** How long to wait for the demo image to finish ingesting (the packager adds it at its start). */
  waitMs?: number;
  pollMs?: number;
  log?: (msg: string) => void;
}

export type GrowDemoResult =
  | { status: 'no-demo' | 'already-grown' | 'busy' | 'image-not-ready' }
  | { status: 'grown'; annotations: number; trainingRunId: string };

const LOCK_PREFIX = 'tessera:demo:grow:';

/**
 * Grows the demo project once its generated image is READY: partial labels written through the annotation API's
 * domain function (op log, per-image counter, live events), then a short training run started the way the Train
 * button starts one (TrainingRun row + pinned snapshot + model.train job); the trainer then registers a model
 * version with prediction overlays. Idempotent (a demo project with a training run is left alone; annotation ops
 * carry fixed idempotency keys), one process at a time (a Redis lock), and a no-op without the demo organisation.
 */
export async function growDemo(deps: TrainingDeps, o: GrowDemoOptions = {}): Promise<GrowDemoResult> {
  const { db, redis } = deps;
  const project = await unsafeFindDemoProject(db);
  if (!project) return { status: 'no-demo' };
  if (await hasTrainingRun(db, project)) return { status: 'already-grown' };
  const waitMs = o.waitMs ?? 20 * 60_000;
  const lock = `${LOCK_PREFIX}${project.id}`;
  const token = randomUUID();
  if ((await redis.set(lock, token, 'PX', waitMs + 5 * 60_000, 'NX')) !== 'OK') return { status: 'busy' };
  try {
    const image = await waitForDemoImage(db, project, waitMs, o.pollMs ?? 2000);
    if (!image) return { status: 'image-not-ready' };
    if (await hasTrainingRun(db, project)) return { status: 'already-grown' };
    const actor = await demoActor(db, project.organizationId);
    if (!actor) return { status: 'no-demo' };
    const annotations = await annotateDemoImage(db, actor, project, image);
    o.log?.(`demo: ${annotations} annotation(s) written on ${image.name}; starting the demo training run`);
    const run = await createTrainingRun(deps, actor, project.id, TrainSettingsSchema.parse(DEMO_TRAIN_SETTINGS));
    return { status: 'grown', annotations, trainingRunId: run.id };
  } finally {
    if ((await redis.get(lock)) === token) await redis.del(lock);
  }
}

type DemoProject = { id: string; organizationId: string; labelClasses: { id: string; name: string }[] };

/** The demo project by its well-known organisation slug and name: looks across organisations, hence unsafe. */
async function unsafeFindDemoProject(db: Db): Promise<DemoProject | null> {
  return db.project.findFirst({
    where: { name: DEMO_PROJECT_NAME, archivedAt: null, organization: { slug: DEMO_ORG_SLUG } },
    select: { id: true, organizationId: true, labelClasses: { select: { id: true, name: true } } },
  });
}

const hasTrainingRun = async (db: Db, p: DemoProject) =>
  (await db.trainingRun.count({ where: { organizationId: p.organizationId, projectId: p.id } })) > 0;

async function waitForDemoImage(db: Db, p: DemoProject, waitMs: number, pollMs: number) {
  const until = Date.now() + waitMs;
  for (;;) {
    const image = await db.image.findFirst({
      where: { organizationId: p.organizationId, projectId: p.id, name: DEMO_IMAGE_NAME },
      select: { id: true, name: true, status: true, width: true, height: true },
    });
    if (image?.status === 'READY' && image.width && image.height) return { ...image, width: image.width, height: image.height };
    if (image?.status === 'FAILED' || Date.now() >= until) return null;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The demo user acts (an owner of the demo organisation when the demo login is gone). */
async function demoActor(db: Db, organizationId: string): Promise<Actor | null> {
  const memberships = await db.membership.findMany({
    where: { organizationId, role: 'OWNER' },
    select: { userId: true, role: true, user: { select: { email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const m = memberships.find((x) => x.user.email === DEMO_LOGIN.email) ?? memberships[0];
  return m ? { userId: m.userId, organizationId, role: m.role } : null;
}

/** Writes the demo labels unless the image has been annotated already (by the demo before, or by someone). */
async function annotateDemoImage(db: Db, actor: Actor, p: DemoProject, image: { id: string; width: number; height: number }) {
  const state = await db.imageAnnotationState.findFirst({ where: { imageId: image.id, organizationId: actor.organizationId }, select: { opSeq: true } });
  if (state && state.opSeq > 0) return 0;
  const nucleus = p.labelClasses.find((c) => /^nucle/i.test(c.name));
  const background = p.labelClasses.find((c) => /^(background|bg)$/i.test(c.name));
  if (!nucleus || !background) return 0;
  const { ops } = OpBatchSchema.parse({
    ops: demoAnnotationOps(demoNuclei(image.width, DEMO_IMAGE_SEED), { imageId: image.id, width: image.width, height: image.height, nucleusClassId: nucleus.id, backgroundClassId: background.id }),
  });
  const { results } = await applyAnnotationOps(db, actor, image.id, ops);
  return results.filter((r) => r.status === 'applied').length;
}
