/**
 * File names for downloads and ZIP entries: ASCII letters, digits, `.`, `_`, `-` only (no `/`, `\`, `:` or NUL, so
 * never a path), no leading dot (no hidden files, no `..`), at most 80 characters before the suffix.
 */
export function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '').slice(0, 80) || 'image';
}

/** The image's name without its extension (and without OME's `.ome`), made safe. */
export const baseName = (imageName: string) => safeName(imageName.replace(/(\.ome)?\.[^./\\]+$/i, ''));

/**
 * `${base}${suffix}`, or `${base}_2${suffix}`, `_3`… when that name is already in `taken` (compared case-blind,
 * since Windows and macOS unzip onto case-insensitive disks). Adds the name it returns to `taken`.
 */
export function uniqueName(base: string, suffix: string, taken: Set<string>): string {
  let name = `${base}${suffix}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}${suffix}`;
  taken.add(name.toLowerCase());
  return name;
}
