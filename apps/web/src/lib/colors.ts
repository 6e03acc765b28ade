/** A calm, distinguishable default palette for label classes (Okabe–Ito inspired, colour-blind friendly). */
export const CLASS_PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999'];

export function nextClassColor(used: string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return CLASS_PALETTE.find((c) => !taken.has(c)) ?? CLASS_PALETTE[used.length % CLASS_PALETTE.length] ?? '#999999';
}

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
