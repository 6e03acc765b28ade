import { expect, it } from 'vitest';
import * as api from './index';

it('exposes the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'InferenceError', 'InstancePostprocessingSchema', 'POSTPROCESSING_KEY', 'clearModelCache', 'distanceTransform',
    'fillHoles', 'findSeeds', 'foregroundIoU', 'getModel', 'labelComponents', 'loadModel', 'matchInstances',
    'measureObjects', 'objectsToCsv', 'parsePostprocessing', 'predict', 'relabelSequential', 'segmentInstances', 'watershed',
  ]);
});
