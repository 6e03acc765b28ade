/** The parts of OME-XML (first Image only) needed to lay out the planes of an OME-TIFF. */
export interface OmeMetadata {
  sizeX: number;
  sizeY: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dimensionOrder: string;
  type: string | undefined;
  channels: { name?: string; color?: string; samplesPerPixel: number }[];
  tiffData: { ifd: number; firstC: number; firstZ: number; firstT: number; planeCount: number | undefined }[];
  physicalSizeX?: number;
  physicalSizeY?: number;
  physicalSizeZ?: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Matches opening tags `<Name ...>` or `<ns:Name .../>` and returns their attribute text. */
function findTags(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1] ?? '');
}

const UNIT_TO_MICRONS: Record<string, number> = {
  'µm': 1, 'μm': 1, um: 1, micron: 1, nm: 1e-3, 'Å': 1e-4, pm: 1e-6, mm: 1e3, cm: 1e4, m: 1e6,
};

function physicalSize(attrs: Map<string, string>, axis: string): number | undefined {
  const raw = attrs.get(`PhysicalSize${axis}`);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const factor = UNIT_TO_MICRONS[attrs.get(`PhysicalSize${axis}Unit`) ?? 'µm'];
  if (!Number.isFinite(value) || value <= 0 || factor === undefined) return undefined;
  return value * factor;
}

/** OME stores colours as a signed 32-bit RGBA integer. */
export function omeColorToHex(value: number): string {
  const u = value >>> 0;
  return '#' + [u >>> 24, (u >>> 16) & 255, (u >>> 8) & 255].map((c) => c.toString(16).padStart(2, '0')).join('');
}

export function hexToOmeColor(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return -1;
  return ((parseInt(m[1]!, 16) << 8) | 0xff) | 0;
}

export function isOmeXml(description: string | undefined): description is string {
  return !!description && /<(?:[\w-]+:)?OME[\s>]/.test(description);
}

export function parseOmeXml(xml: string): OmeMetadata | undefined {
  const image = /<(?:[\w-]+:)?Image[\s>][\s\S]*?<\/(?:[\w-]+:)?Image>/.exec(xml)?.[0];
  if (!image) return undefined;
  const pixelsTag = findTags(image, 'Pixels')[0];
  if (pixelsTag === undefined) return undefined;
  const px = attributes(pixelsTag);
  const int = (k: string, d: number) => {
    const v = Number(px.get(k));
    return Number.isInteger(v) && v > 0 ? v : d;
  };
  const channels = findTags(image, 'Channel').map((t) => {
    const a = attributes(t);
    const color = a.get('Color');
    return {
      name: a.get('Name'),
      color: color !== undefined && color.trim() !== '' && Number.isFinite(Number(color)) ? omeColorToHex(Number(color)) : undefined,
      samplesPerPixel: Number(a.get('SamplesPerPixel')) || 1,
    };
  });
  const tiffData = findTags(image, 'TiffData').map((t) => {
    const a = attributes(t);
    const n = (k: string) => Number(a.get(k) ?? 0) || 0;
    const pc = a.get('PlaneCount');
    return { ifd: n('IFD'), firstC: n('FirstC'), firstZ: n('FirstZ'), firstT: n('FirstT'), planeCount: pc === undefined ? undefined : Number(pc) };
  });
  return {
    sizeX: int('SizeX', 0),
    sizeY: int('SizeY', 0),
    sizeC: int('SizeC', 1),
    sizeZ: int('SizeZ', 1),
    sizeT: int('SizeT', 1),
    dimensionOrder: /^XY[CZT]{3}$/.test(px.get('DimensionOrder') ?? '') ? px.get('DimensionOrder')! : 'XYCZT',
    type: px.get('Type'),
    channels,
    tiffData,
    physicalSizeX: physicalSize(px, 'X'),
    physicalSizeY: physicalSize(px, 'Y'),
    physicalSizeZ: physicalSize(px, 'Z'),
  };
}

/** Plane index of (c, z, t) in OME's DimensionOrder (the first of C/Z/T after XY varies fastest). */
export function omePlaneIndex(order: string, sizes: { C: number; Z: number; T: number }, pos: { C: number; Z: number; T: number }): number {
  const axes = order.slice(2).split('') as ('C' | 'Z' | 'T')[];
  let index = 0;
  let stride = 1;
  for (const axis of axes) {
    index += pos[axis] * stride;
    stride *= sizes[axis];
  }
  return index;
}
