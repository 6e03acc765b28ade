/** Fields of an ImageJ hyperstack description ("ImageJ=1.x\nimages=…\nchannels=…"). */
export interface ImageJMetadata {
  images: number;
  channels: number;
  slices: number;
  frames: number;
  spacing?: number;
  unit?: string;
}

export function parseImageJDescription(description: string | undefined): ImageJMetadata | undefined {
  if (!description?.startsWith('ImageJ=')) return undefined;
  const kv = new Map<string, string>();
  for (const line of description.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) kv.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  const n = (k: string) => {
    const v = Number(kv.get(k));
    return Number.isInteger(v) && v > 0 ? v : 1;
  };
  const spacing = Number(kv.get('spacing'));
  return {
    images: n('images'),
    channels: n('channels'),
    slices: n('slices'),
    frames: n('frames'),
    spacing: Number.isFinite(spacing) && spacing > 0 ? spacing : undefined,
    unit: kv.get('unit')?.replace(/\\u00B5/gi, 'µ'),
  };
}
