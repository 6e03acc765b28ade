/** A tensor in a graph under construction: its name, its static NCHW-style shape (-1 = symbolic) and whether
 * a gradient must flow into it. */
export interface Value {
  readonly name: string;
  readonly shape: readonly number[];
  readonly requiresGrad: boolean;
}

export type AttrValue = number | readonly number[] | string | { readonly f: number } | { readonly floats: readonly number[] };

export type Attrs = Readonly<Record<string, AttrValue>>;

export class GraphBuildError extends Error {
  readonly code = 'GRAPH_BUILD';
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
