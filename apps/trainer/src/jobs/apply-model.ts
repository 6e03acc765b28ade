import { APPLY_MODEL, type JobPayload } from '@tessera/jobs';
import { applyRunModel } from '../training/apply-run-model';
import type { TrainDeps } from '../training/train-run';

/** model.apply → predictions of a trained run's model on all of its project's images. */
export function applyModelJob(deps: TrainDeps) {
  return { def: APPLY_MODEL, handle: (payload: unknown) => applyRunModel(deps, payload as JobPayload<typeof APPLY_MODEL>) };
}
