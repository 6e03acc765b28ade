export { ingestImage, type IngestOptions, type IngestResult, type IngestedChannel } from './ingest-image';
export { writePyramid, DEFAULT_CHUNK, type PlaneSource, type ObjectSink, type WritePyramidOptions, type PyramidResult } from './write-pyramid';
export { openSource, stackSource, type OpenedSource, type SourceLimits } from './open-source';
export { ChannelStatsAccumulator, type ChannelStats } from './channel-stats';
export { makeThumbnail, defaultColors, type ThumbnailChannel } from './thumbnail';
export { levelZarray, omeZarrAttrs, chunkKey, levelSizes, ZARR_DTYPE, type PyramidShape, type ChannelInfo } from './ome-zarr-metadata';
export { encodeChunk, decodeChunk, levelCompressor, zarrCompressor, type Compression, type LevelCompressor } from './chunk-codec';
