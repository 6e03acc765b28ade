import { z } from 'zod';
import { TrainSettingsSchema } from '@tessera/training';
import { db, redis, storage } from '../../context';
import { createTrainingRun } from '../../training/create-training-run';
import {
  applyTrainingRun, cancelTrainingRun, getTrainingRun, listRunPredictions, listTrainingRuns, PREDICTION_FILES, retryTrainingRun, servePredictionFile,
} from '../../training/manage-training-runs';
import { PointSchema, TrainingRunSchema } from '../../training/training-run-dto';
import { ApiError } from '../../errors';
import { withOrg } from '../endpoint';

const PROJECT_RUNS = '/api/v1/orgs/{orgId}/projects/{projectId}/training-runs';
const RUN = '/api/v1/orgs/{orgId}/training-runs/{runId}';
const deps = () => ({ db: db(), storage: storage(), redis: redis() });

export const getProjectTrainingRuns = withOrg(
  { method: 'GET', path: PROJECT_RUNS, summary: "A project's training runs, newest first", permission: 'training:read', response: z.object({ runs: z.array(TrainingRunSchema) }) },
  ({ actor, params }) => listTrainingRuns(deps(), actor, params.projectId ?? ''),
);

export const postProjectTrainingRun = withOrg(
  {
    method: 'POST', path: PROJECT_RUNS, permission: 'training:run', body: TrainSettingsSchema, response: TrainingRunSchema, successStatus: 201,
    summary: 'Start training: pins an annotation snapshot, config and seed, queues the run',
  },
  ({ actor, params, body }) => createTrainingRun(deps(), actor, params.projectId ?? '', body),
);

export const getTrainingRunById = withOrg(
  {
    method: 'GET', path: RUN, permission: 'training:read', summary: 'A run with its loss-curve points after afterStep (poll) and its queue position and ETA',
    query: z.object({ afterStep: z.coerce.number().int().min(0).default(0) }),
    response: z.object({ run: TrainingRunSchema, points: z.array(PointSchema), queue: z.object({ position: z.number(), running: z.number(), etaStartSeconds: z.number() }).nullable() }),
  },
  ({ actor, params, query }) => getTrainingRun(deps(), actor, params.runId ?? '', query.afterStep),
);

export const postTrainingRunCancel = withOrg(
  { method: 'POST', path: `${RUN}/cancel`, permission: 'training:run', summary: 'Cancel a queued or running run', response: TrainingRunSchema },
  ({ actor, params }) => cancelTrainingRun(deps(), actor, params.runId ?? ''),
);

export const postTrainingRunRetry = withOrg(
  { method: 'POST', path: `${RUN}/retry`, permission: 'training:run', summary: 'Retry a failed or cancelled run (same snapshot, config and seed)', response: TrainingRunSchema, successStatus: 201 },
  ({ actor, params }) => retryTrainingRun(deps(), actor, params.runId ?? ''),
);

export const postTrainingRunApply = withOrg(
  { method: 'POST', path: `${RUN}/apply`, permission: 'training:run', summary: "Apply the run's model to every image of the project", successStatus: 202, response: z.object({ queued: z.boolean() }) },
  ({ actor, params }) => applyTrainingRun(deps(), actor, params.runId ?? ''),
);

export const getTrainingRunPredictions = withOrg(
  { method: 'GET', path: `${RUN}/predictions`, permission: 'training:read', summary: "The run's predictions per image with overlay URLs" },
  ({ actor, params }) => listRunPredictions(deps(), actor, params.runId ?? ''),
);

export const getTrainingRunPredictionFile = withOrg(
  { method: 'GET', path: `${RUN}/predictions/{imageId}/{file}`, permission: 'training:read', summary: 'A prediction PNG: overlay (RGBA), labels, confidence, or the image thumbnail' },
  ({ actor, params }) => {
    const file = params.file as (typeof PREDICTION_FILES)[number];
    if (!PREDICTION_FILES.includes(file)) throw new ApiError('NOT_FOUND', 'Prediction file not found.');
    return servePredictionFile(deps(), actor, params.runId ?? '', params.imageId ?? '', file);
  },
);
