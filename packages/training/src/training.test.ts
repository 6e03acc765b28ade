import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, estimateStartSeconds, labelCounts, resolveTraining, trainingLabels, TrainSettingsSchema, type AnnotationSnapshotInput } from './index';

const square = (x: number, y: number, s: number) => [x, y, x + s, y, x + s, y + s, x, y + s];

function snapshot(modelType: 'semantic' | 'instance'): AnnotationSnapshotInput {
  return {
    version: 1, projectId: 'p', modelType,
    classes: [{ id: 'bg', name: 'Background', color: '#000000', index: 1 }, { id: 'n', name: 'Nucleus', color: '#ff0000', index: 2 }],
    images: [
      { id: 'b', name: 'b.tif', width: 16, height: 16, opSeq: 3, shapes: [] },
      {
        id: 'a', name: 'a.tif', width: 16, height: 16, opSeq: 5,
        shapes: [
          { id: 's2', kind: modelType === 'instance' ? 'instance' : 'polygon', classIndex: 2, geometry: { type: 'polygon', rings: [square(4, 4, 6)] }, order: 2 },
          { id: 's1', kind: 'polygon', classIndex: 1, geometry: { type: 'polygon', rings: [square(0, 0, 16)] }, order: 1 },
        ],
      },
    ],
  };
}

describe('annotation snapshot', () => {
  it('hashes canonically (order of images, shapes and keys does not matter) and refuses a changed snapshot', () => {
    const a = encodeSnapshot(snapshot('semantic'));
    const shuffled = snapshot('semantic');
    shuffled.images.reverse();
    shuffled.images[0]!.shapes.reverse();
    const b = encodeSnapshot(JSON.parse(JSON.stringify(shuffled, Object.keys(shuffled).reverse().concat(['id', 'name', 'width', 'height', 'opSeq', 'shapes', 'kind', 'classIndex', 'geometry', 'type', 'rings', 'order', 'color', 'index', 'fillHoles']))));
    expect(b.hash).toBe(a.hash);
    expect(decodeSnapshot(a.bytes, a.hash).images.map((i) => i.id)).toEqual(['a', 'b']);
    const changed = snapshot('semantic');
    changed.images[1]!.opSeq = 6;
    const c = encodeSnapshot(changed);
    expect(c.hash).not.toBe(a.hash);
    expect(() => decodeSnapshot(c.bytes, a.hash)).toThrow(/does not match/);
  });
});

describe('training labels through the annotation rasteriser', () => {
  it('semantic: rasteriser label k is output class k − 1; later shapes win', () => {
    const { snapshot: s } = encodeSnapshot(snapshot('semantic'));
    const labels = trainingLabels(s, s.images[0]!);
    expect(labels[0]).toBe(1);
    expect(labels[5 * 16 + 5]).toBe(2);
    expect(labelCounts(labels, 2)).toEqual([256 - 36, 36]);
    expect(Array.from(trainingLabels(s, s.images[1]!)).every((v) => v === 0)).toBe(true);
  });

  it('instance: background class → 1, object interior → 2, its 8-connected rim → 3', () => {
    const { snapshot: s } = encodeSnapshot(snapshot('instance'));
    const labels = trainingLabels(s, s.images[0]!);
    expect(labels[0]).toBe(1);
    expect(labels[4 * 16 + 4]).toBe(3);
    expect(labels[9 * 16 + 9]).toBe(3);
    expect(labels[6 * 16 + 6]).toBe(2);
    expect(labelCounts(labels, 3)).toEqual([256 - 36, 16, 20]);
  });
});

describe('settings → engine config', () => {
  it('uses the duration preset, advanced overrides, instance class weights, and checks class weights', () => {
    const quick = resolveTraining(TrainSettingsSchema.parse({ modelType: 'semantic' }), { channels: 1, outputClasses: 2, seed: 9 });
    expect(quick).toMatchObject({ totalSteps: 300, seed: 9, config: { model: { inChannels: 1, outChannels: 2, depth: 2, width: 16 }, batch: 4, patch: 128 } });
    const adv = resolveTraining(TrainSettingsSchema.parse({ modelType: 'instance', advanced: { steps: 12, size: 'medium', seed: 3, patch: 32 } }), { channels: 2, outputClasses: 3 });
    expect(adv).toMatchObject({ totalSteps: 12, seed: 3, validateEvery: 12, config: { model: { depth: 3, width: 24, inChannels: 2 }, patch: 32, classWeights: [1, 1, 2] } });
    expect(() => resolveTraining(TrainSettingsSchema.parse({ modelType: 'semantic', advanced: { classWeights: [1] } }), { channels: 1, outputClasses: 2 })).toThrow(/classWeights/);
    expect(TrainSettingsSchema.safeParse({ modelType: 'semantic', advanced: { patch: 30 } }).success).toBe(false);
  });

  it('group norm is an advanced choice; the default config carries no norm key (hashes of older runs unchanged)', () => {
    const plain = resolveTraining(TrainSettingsSchema.parse({ modelType: 'semantic' }), { channels: 1, outputClasses: 2 });
    expect('norm' in plain.config.model).toBe(false);
    const none = resolveTraining(TrainSettingsSchema.parse({ modelType: 'semantic', advanced: { norm: 'none' } }), { channels: 1, outputClasses: 2 });
    expect(none.config).toEqual(plain.config);
    const group = resolveTraining(TrainSettingsSchema.parse({ modelType: 'semantic', advanced: { norm: 'group' } }), { channels: 1, outputClasses: 2 });
    expect(group.config.model).toEqual({ ...plain.config.model, norm: 'group' });
    expect(TrainSettingsSchema.safeParse({ modelType: 'semantic', advanced: { norm: 'batch' } }).success).toBe(false);
  });
});

describe('queue ETA', () => {
  it('adds the remaining steps of runs ahead at their measured speed, shared by the slots', () => {
    const ahead = [
      { status: 'RUNNING' as const, totalSteps: 100, step: 40, msPerStep: 50 },
      { status: 'QUEUED' as const, totalSteps: 300, step: 0, msPerStep: null },
    ];
    expect(estimateStartSeconds(ahead, 100)).toBeCloseTo(3 + 30);
    expect(estimateStartSeconds(ahead, 100, 2)).toBeCloseTo(16.5);
    expect(estimateStartSeconds([], 100)).toBe(0);
  });
});
