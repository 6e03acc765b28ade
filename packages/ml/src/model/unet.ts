import type { LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';
import { conv2d } from '../layers/conv';
import { convTranspose2x2 } from '../layers/conv-transpose';
import { concatChannels, relu } from '../layers/elementwise';
import { maxPool2x2 } from '../layers/max-pool';
import { groupNorm } from '../layers/norm';
import type { ParamSpec } from './params';
import { normGroupsFor, type UnetConfig } from './unet-config';

/** Looks a parameter up as a graph value (an input in training, an initializer in inference). */
export type ParamLookup = (name: string) => Value;

function convSpecs(name: string, cin: number, cout: number, k: number): ParamSpec[] {
  const fanIn = cin * k * k;
  return [
    { name: `${name}.w`, shape: [cout, cin, k, k], fanIn },
    { name: `${name}.b`, shape: [cout], fanIn },
  ];
}

/** A 3×3 block's parameters: conv weight and bias, or (norm `group`) conv weight, GroupNorm γ and β. */
function blockSpecs(cfg: UnetConfig, name: string, cin: number, cout: number): ParamSpec[] {
  const [w, b] = convSpecs(name, cin, cout, 3) as [ParamSpec, ParamSpec];
  if (cfg.norm !== 'group') return [w, b];
  return [w, { name: `${name}.gamma`, shape: [cout], fanIn: 1, init: 'ones' }, { name: `${name}.beta`, shape: [cout], fanIn: 1, init: 'zeros' }];
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
    specs.push(...blockSpecs(cfg, `down${l}.conv0`, cin, c), ...blockSpecs(cfg, `down${l}.conv1`, c, c));
    cin = c;
  }
  for (let l = cfg.depth - 1; l >= 0; l--) {
    const c = levelWidth(cfg, l);
    specs.push(...upSpecs(`up${l}.tconv`, 2 * c, c), ...blockSpecs(cfg, `up${l}.conv0`, 2 * c, c), ...blockSpecs(cfg, `up${l}.conv1`, c, c));
  }
  specs.push(...convSpecs('head', cfg.width, cfg.outChannels, 1));
  return specs;
}

/** conv → ReLU, or conv → GroupNorm → ReLU. */
function block(ctx: LayerContext, x: Value, p: ParamLookup, name: string, cfg: UnetConfig): Value {
  if (cfg.norm !== 'group') return relu(ctx, conv2d(ctx, x, { w: p(`${name}.w`), b: p(`${name}.b`) }));
  const y = conv2d(ctx, x, { w: p(`${name}.w`) });
  const groups = normGroupsFor(cfg, y.shape[1] as number);
  return relu(ctx, groupNorm(ctx, y, { gamma: p(`${name}.gamma`), beta: p(`${name}.beta`), groups }));
}

/** The UNet forward pass on NCHW input; returns the logits (before softmax / sigmoid). */
export function unetForward(ctx: LayerContext, x: Value, p: ParamLookup, cfg: UnetConfig): Value {
  const skips: Value[] = [];
  let h = x;
  for (let l = 0; l <= cfg.depth; l++) {
    h = block(ctx, block(ctx, h, p, `down${l}.conv0`, cfg), p, `down${l}.conv1`, cfg);
    if (l < cfg.depth) {
      skips.push(h);
      h = maxPool2x2(ctx, h);
    }
  }
  for (let l = cfg.depth - 1; l >= 0; l--) {
    const up = convTranspose2x2(ctx, h, { w: p(`up${l}.tconv.w`), b: p(`up${l}.tconv.b`) });
    const cat = concatChannels(ctx, [up, skips[l] as Value]);
    h = block(ctx, block(ctx, cat, p, `up${l}.conv0`, cfg), p, `up${l}.conv1`, cfg);
  }
  return conv2d(ctx, h, { w: p('head.w'), b: p('head.b') });
}
