import { TRAIN_MODEL, type JobPayload } from '@tessera/jobs';
import { runTrainingJob, type TrainDeps } from '../training/train-run';

/** model.train → the training loop (apps/trainer/src/training). */
export function trainModelJob(deps: TrainDeps) {
  return { def: TRAIN_MODEL, handle: (payload: unknown) => runTrainingJob(deps, payload as JobPayload<typeof TRAIN_MODEL>) };
}
