export {
  DURATION_PRESETS, ModelTypeSchema, AdvancedSettingsSchema, TrainSettingsSchema, INSTANCE_CLASSES, resolveTraining,
  type DurationPreset, type ModelType, type AdvancedSettings, type TrainSettings, type TrainSettingsInput, type ResolvedTraining,
} from './train-settings';
export {
  AnnotationSnapshotSchema, SnapshotImageSchema, SnapshotError, canonicalJson, encodeSnapshot, decodeSnapshot,
  type AnnotationSnapshot, type AnnotationSnapshotInput, type SnapshotImage,
} from './annotation-snapshot';
export { trainingLabels, labelCounts, isBackgroundName } from './training-labels';
export { estimateStartSeconds, type QueueEntry } from './queue-eta';
