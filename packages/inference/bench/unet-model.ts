import { encodeModel, floatTensor, node, seededRandom } from '../test/onnx-builder';

/**
 * A small 2-level UNet (16/32 channels, ~13k MAC per pixel), NHWC, symbolic batch/H/W, opset 12:
 * conv-conv / maxpool / conv-conv / transposed conv / concat skip / conv / 1x1 conv / softmax over 2 classes.
 */
export function unetModel(seed = 5): Uint8Array {
  const rand = seededRandom(seed);
  const inits: ReturnType<typeof floatTensor>[] = [];
  const nodes: ReturnType<typeof node>[] = [node('Transpose', ['input'], ['x0'], { perm: [0, 3, 1, 2] })];
  const conv = (name: string, x: string, cin: number, cout: number, k: number, relu = true): string => {
    const fan = cin * k * k;
    inits.push(floatTensor(`${name}_w`, [cout, cin, k, k], Array.from({ length: cout * fan }, () => rand() * Math.sqrt(6 / fan))));
    inits.push(floatTensor(`${name}_b`, [cout], Array.from({ length: cout }, () => rand() * 0.05)));
    const p = (k - 1) / 2;
    nodes.push(node('Conv', [x, `${name}_w`, `${name}_b`], [name], { kernel_shape: [k, k], pads: [p, p, p, p] }));
    if (!relu) return name;
    nodes.push(node('Relu', [name], [`${name}_r`]));
    return `${name}_r`;
  };
  const e1 = conv('e1b', conv('e1a', 'x0', 1, 16, 3), 16, 16, 3);
  nodes.push(node('MaxPool', [e1], ['p1'], { kernel_shape: [2, 2], strides: [2, 2] }));
  const e2 = conv('e2b', conv('e2a', 'p1', 16, 32, 3), 32, 32, 3);
  inits.push(floatTensor('up_w', [32, 16, 2, 2], Array.from({ length: 32 * 16 * 4 }, () => rand() * 0.2)));
  inits.push(floatTensor('up_b', [16], new Array(16).fill(0)));
  nodes.push(node('ConvTranspose', [e2, 'up_w', 'up_b'], ['u1'], { kernel_shape: [2, 2], strides: [2, 2] }));
  nodes.push(node('Concat', ['u1', e1], ['cat'], { axis: 1 }));
  const d1 = conv('d1', 'cat', 32, 16, 3);
  const logits = conv('head', d1, 16, 2, 1, false);
  nodes.push(node('Transpose', [logits], ['nhwc'], { perm: [0, 2, 3, 1] }));
  nodes.push(node('Softmax', ['nhwc'], ['output'], { axis: 3 }));
  return encodeModel({ inputShape: ['N', 'H', 'W', 1], outputShape: ['N', 'H', 'W', 2], nodes, initializers: inits });
}
