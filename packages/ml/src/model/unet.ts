import type { LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';
import { conv2d } from '../layers/conv';
import { convTranspose2x2 } from '../layers/conv-transpose';
import { concatChannels, relu } from '../layers/elementwise';
import { maxPool2x2 } from '../layers/max-pool';
import type { ParamSpec } from './params';
import type { UnetConfig } from './unet-config';

/** Looks a parameter up as a graph value (an input in training, an initializer in inference). */
export type ParamLookup = (name: string) => Value;

function convSpecs(name: string, cin: number, cout: number, k: number): ParamSpec[] {
  const fanIn = cin * k * k;
  return [
    { name: `${name}.w`, shape: [cout, cin, k, k], fanIn },
    { name: `${name}.b`, shape: [cout], fanIn },
  ];
}

function upSpecs(name: string, cin: number, cout: number): ParamSpec[] {
  const fanIn = cout * 4; // PyTorch ConvTranspose2d: fan-in from weight.size(1) · k · k
  return [
    { name: `${name}.w`, shape: [cin, cout, 2, 2], fanIn },
    { name: `${name}.b`, shape: [cout], fanIn },
  ];
}

const levelWidth = (cfg: UnetConfig, l: number): number => cfg.width * 2 ** l;

/** Every parameter of the UNet, in a fixed order (the order of the PyTorch reference too). */
export function unetParamSpecs(cfg: UnetConfig): ParamSpec[] {
  const specs: ParamSpec[] = [];
  let cin = cfg.inChannels;
  for (let l = 0; l <= cfg.depth; l++) {
    const c = levelWidth(cfg, l);
    specs.push(...convSpecs(`down${l}.conv0`, cin, c, 3), ...convSpecs(`down${l}.conv1`, c, c, 3));
    cin = c;
  }
  for (let l = cfg.depth - 1; l >= 0; l--) {
    const c = levelWidth(cfg, l);
    specs.push(...upSpecs(`up${l}.tconv`, 2 * c, c), ...convSpecs(`up${l}.conv0`, 2 * c, c, 3), ...convSpecs(`up${l}.conv1`, c, c, 3));
  }
  specs.push(...convSpecs('head', cfg.width, cfg.outChannels, 1));
  return specs;
}

function convRelu(ctx: LayerContext, x: Value, p: ParamLookup, name: string): Value {
  return relu(ctx, conv2d(ctx, x, { w: p(`${name}.w`), b: p(`${name}.b`) }));
}

/** The UNet forward pass on NCHW input; returns the logits (before softmax / sigmoid). */
export function unetForward(ctx: LayerContext, x: Value, p: ParamLookup, cfg: UnetConfig): Value {
  const skips: Value[] = [];
  let h = x;
  for (let l = 0; l <= cfg.depth; l++) {
    h = convRelu(ctx, convRelu(ctx, h, p, `down${l}.conv0`), p, `down${l}.conv1`);
    if (l < cfg.depth) {
      skips.push(h);
      h = maxPool2x2(ctx, h);
    }
  }
  for (let l = cfg.depth - 1; l >= 0; l--) {
    const up = convTranspose2x2(ctx, h, { w: p(`up${l}.tconv.w`), b: p(`up${l}.tconv.b`) });
    const cat = concatChannels(ctx, [up, skips[l] as Value]);
    h = convRelu(ctx, convRelu(ctx, cat, p, `up${l}.conv0`), p, `up${l}.conv1`);
  }
  return conv2d(ctx, h, { w: p('head.w'), b: p('head.b') });
}
