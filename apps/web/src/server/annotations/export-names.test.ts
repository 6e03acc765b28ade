import { describe, expect, it } from 'vitest';
import { baseName, safeName, uniqueName } from './export-names';

describe('export file names', () => {
  it('never yields a path, a hidden file or an empty name', () => {
    for (const bad of ['../../etc/passwd', '..', '/abs/x', 'C:\\win\\x', 'a\0b', '.hidden', '']) {
      const n = safeName(bad);
      expect(n).not.toMatch(/[/\\:\0]/);
      expect(n.startsWith('.')).toBe(false);
      expect(n.length).toBeGreaterThan(0);
    }
    expect(safeName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeName('..')).toBe('image');
  });

  it('drops the extension (and .ome) and keeps readable names', () => {
    expect(baseName('cells 01.tif')).toBe('cells_01');
    expect(baseName('stack.ome.tiff')).toBe('stack');
    expect(baseName('noext')).toBe('noext');
  });

  it('numbers repeats, case-blind', () => {
    const taken = new Set<string>();
    expect(['cells', 'Cells', 'cells', 'other'].map((b) => uniqueName(b, '_labels.tif', taken))).toEqual([
      'cells_labels.tif', 'Cells_2_labels.tif', 'cells_3_labels.tif', 'other_labels.tif',
    ]);
  });
});
