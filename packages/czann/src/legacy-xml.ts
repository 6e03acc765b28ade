import { CzannError } from './errors';
import { parseXml, type XmlElement } from './xml-parse';
import type { ColorHandling, ModelMetadata, Rgb } from './types';

export const LEGACY_VERSIONS = ['3.0.0', '3.1.0'] as const;
export type LegacyVersion = (typeof LEGACY_VERSIONS)[number];

/** What the legacy XML states; shapes come from the ONNX graph (the XML has none). */
export interface LegacyXml {
  version: string;
  id: string;
  modelName?: string;
  colorHandling?: ColorHandling;
  pixelTypes: string[];
  classes: string[];
  classColors: Rgb[];
  borderSize: number;
  totalTileHeight?: number;
  totalTileWidth?: number;
  scaleInputsByBitdepth?: boolean;
}

function bad(msg: string): never {
  throw new CzannError('BAD_METADATA', `legacy XML: ${msg}`);
}

function child(root: XmlElement, name: string): XmlElement | undefined {
  return root.children.find((c) => c.name === name);
}

function intOf(text: string, what: string, min = 0): number {
  const t = text.trim();
  if (!/^-?\d{1,9}$/.test(t) || Number(t) < min) bad(`${what} must be an integer >= ${min}, got ${JSON.stringify(t)}`);
  return Number(t);
}

export function parseLegacyXml(text: string, maxDepth: number): LegacyXml {
  const root = parseXml(text, maxDepth);
  if (root.name !== 'Model') bad(`root element is <${root.name}>, expected <Model>`);
  const version = root.attrs.get('Version') ?? bad('<Model> has no Version attribute');
  if (!(LEGACY_VERSIONS as readonly string[]).includes(version)) bad(`model version ${version} is not supported (3.0.0, 3.1.0)`);
  const id = child(root, 'Id')?.text.trim() || bad('<Id> is missing');
  const border = child(root, 'BorderSize') ?? bad('<BorderSize> is missing');
  const classesEl = child(root, 'TrainingClasses') ?? bad('<TrainingClasses> is missing');
  const items = classesEl.children.filter((c) => c.name === 'Item');
  const classes: string[] = [];
  const classColors: Rgb[] = [];
  items.forEach((item, k) => {
    const label = intOf(item.attrs.get('LabelValue') ?? bad(`class ${k} has no LabelValue`), 'LabelValue', 1);
    if (label !== k + 1) bad(`class ${k} has LabelValue ${label}; expected ${k + 1}`);
    classes.push(item.attrs.get('Name') ?? bad(`class ${k} has no Name`));
    const col = (c: string) => intOf(item.attrs.get(c) ?? bad(`class ${k} has no ${c}`), c);
    classColors.push({ r: col('colR'), g: col('colG'), b: col('colB') });
  });
  const pixelTypes = (child(root, 'Channels')?.children ?? [])
    .filter((c) => c.name === 'Item')
    .map((c, k) => c.attrs.get('PixelType') ?? bad(`channel ${k} has no PixelType`));
  const out: LegacyXml = { version, id, pixelTypes, classes, classColors, borderSize: intOf(border.text, 'BorderSize') };
  const name = child(root, 'ModelName')?.text;
  if (name !== undefined) out.modelName = name;
  const ch = child(root, 'ColorHandling')?.text.trim();
  if (ch !== undefined) {
    if (ch !== 'ConvertToMonochrome' && ch !== 'SplitRgb') bad(`ColorHandling ${JSON.stringify(ch)} is not ConvertToMonochrome or SplitRgb`);
    out.colorHandling = ch;
  }
  const th = child(root, 'TotalTileHeight');
  if (th) out.totalTileHeight = intOf(th.text, 'TotalTileHeight', 1);
  const tw = child(root, 'TotalTileWidth');
  if (tw) out.totalTileWidth = intOf(tw.text, 'TotalTileWidth', 1);
  const sib = child(root, 'ScaleInputsByBitdepth')?.text.trim().toLowerCase();
  if (sib !== undefined) {
    if (sib !== 'true' && sib !== 'false') bad(`ScaleInputsByBitdepth must be true or false, got ${JSON.stringify(sib)}`);
    out.scaleInputsByBitdepth = sib === 'true';
  }
  return out;
}

function esc(s: string, attr: boolean): string {
  let r = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attr) r = r.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#09;');
  return r;
}

/** Legacy XML as czmodel writes it with Python's ElementTree (single-quoted declaration, `<X />`). */
export function formatLegacyXml(md: ModelMetadata, id: string, version: string): string {
  const ov = md.minOverlap ?? [0, 0];
  if (ov.some((v) => v !== ov[0]) || ov[0]! % 2 !== 0) {
    throw new CzannError('INVALID_ARGUMENT', `legacy models have one even overlap for all sides; got MinOverlap ${JSON.stringify(ov)}`);
  }
  const classes = md.classes ?? [];
  const channels = md.pixelTypes ?? Array.from({ length: md.inputShape.at(-1) ?? 1 }, () => 'Gray16');
  const el = (name: string, text: string) => `<${name}>${esc(text, false)}</${name}>`;
  const parts = [
    el('Id', id),
    el('ModelName', md.modelName ?? ''),
    el('Status', 'Trained'),
    el('FeatureExtractor', 'DeepNeuralNetwork'),
    '<Postprocessing />',
    el('ColorHandling', md.colorHandling ?? 'ConvertToMonochrome'),
    `<Channels>${channels.map((p) => `<Item PixelType="${esc(p, true)}" />`).join('')}</Channels>`,
    `<TrainingClasses>${classes
      .map((name, k) => {
        const c = md.classColors?.[k] ?? defaultColor(k);
        return `<Item colB="${c.b}" colG="${c.g}" colR="${c.r}" LabelValue="${k + 1}" Name="${esc(name, true)}" />`;
      })
      .join('')}</TrainingClasses>`,
    el('BorderSize', String(ov[0]! / 2)),
  ];
  if (md.totalTileHeight !== undefined) parts.push(el('TotalTileHeight', String(md.totalTileHeight)));
  if (md.totalTileWidth !== undefined) parts.push(el('TotalTileWidth', String(md.totalTileWidth)));
  if (md.scaleInputsByBitdepth) parts.push(el('ScaleInputsByBitdepth', 'true')); // absent = false
  return `<?xml version='1.0' encoding='utf-8'?>\n<Model Version="${esc(version, true)}">${parts.join('')}</Model>`;
}

const PALETTE: Rgb[] = [
  { r: 255, g: 0, b: 0 }, { r: 0, g: 255, b: 0 }, { r: 0, g: 0, b: 255 }, { r: 255, g: 255, b: 0 },
  { r: 255, g: 0, b: 255 }, { r: 0, g: 255, b: 255 },
];
function defaultColor(k: number): Rgb {
  return PALETTE[k % PALETTE.length]!;
}
