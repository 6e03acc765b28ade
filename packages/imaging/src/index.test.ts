import { describe, expect, it } from 'vitest';
import * as imaging from './index';

describe('public API surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(imaging).sort()).toEqual(
      [
        'DEFAULT_LIMITS', 'DTYPES', 'ImagingError', 'allocateSamples', 'autoContrast', 'bytesPerSample', 'bytesReader',
        'cachedReader', 'createRaster', 'downsample2x', 'dtypeRange', 'hexToOmeColor', 'histogram', 'isImagingError',
        'isIntegerDType', 'omeColorToHex', 'openTiff', 'outputSamples', 'parseOmeXml', 'percentiles', 'pixelPairs', 'pyramidLevels', 'readImage',
        'readPng', 'readTiff', 'sniffFormat', 'writePng', 'writeTiff',
      ].sort(),
    );
  });

  it('OME colours are signed 32-bit RGBA integers', () => {
    expect(imaging.omeColorToHex(-16776961)).toBe('#ff0000'); // 0xFF0000FF
    expect(imaging.omeColorToHex(-1)).toBe('#ffffff');
    expect(imaging.omeColorToHex(16711935)).toBe('#00ff00'); // 0x00FF00FF
    expect(imaging.hexToOmeColor('#ff0000')).toBe(-16776961);
    expect(imaging.hexToOmeColor('#0000ff')).toBe(65535);
  });

  it('sniffs formats from bytes', () => {
    expect(imaging.sniffFormat(new Uint8Array([0x49, 0x49, 42, 0]))).toBe('tiff');
    expect(imaging.sniffFormat(new Uint8Array([0x4d, 0x4d, 0, 43]))).toBe('tiff');
    expect(imaging.sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(imaging.sniffFormat(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('jpeg');
    expect(imaging.sniffFormat(new TextEncoder().encode('ZISRAWFILE'))).toBe('czi');
  });
});
