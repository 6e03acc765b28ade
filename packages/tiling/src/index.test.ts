import { expect, it } from 'vitest';
import * as api from './index';

it('exposes the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'TilingError', 'allocLike', 'calculateTiles1D', 'calculateTiles2D', 'calculateTiles3D', 'checkTiling1DOptions',
    'chunkIndexAt', 'chunkRect', 'chunksInRect', 'combineTiles2D', 'extractTile', 'extractTile3D', 'imageToLevel',
    'imageToScreen', 'levelToImage', 'mapIndex', 'panBy', 'screenToImage', 'selectPyramidLevel', 'stitchTile',
    'stitchTile3D', 'visibleChunks', 'visibleImageRect', 'zoomAt',
  ]);
});
