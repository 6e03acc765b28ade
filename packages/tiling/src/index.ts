export { TilingError, type TilingErrorCode } from './errors';
export { calculateTiles1D, checkTiling1DOptions, type Tile1D, type Tiling1DOptions } from './tiles-1d';
export {
  calculateTiles2D, combineTiles2D, type Region2D, type Border2D, type Tile2D, type Tiling2DOptions,
} from './tiles-2d';
export { calculateTiles3D, type Region3D, type Border3D, type Tile3D, type Tiling3DOptions } from './tiles-3d';
export {
  mapIndex, allocLike, type TypedArray, type ArrayImage, type ArrayVolume, type Padding,
} from './typed-image';
export { extractTile, extractTile3D, type ExtractOptions } from './extract-tile';
export { stitchTile, stitchTile3D } from './stitch-tile';
export {
  imageToScreen, screenToImage, visibleImageRect, zoomAt, panBy, selectPyramidLevel, imageToLevel, levelToImage,
  chunkIndexAt, chunkRect, chunksInRect, visibleChunks,
  type Point, type Rect, type Viewport, type ChunkGrid, type ChunkIndex,
} from './viewport';
