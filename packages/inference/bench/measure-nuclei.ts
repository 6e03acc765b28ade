// Measures foreground IoU of the real nuclei models on all BBBC039 images (the bars asserted in the tests).
import { join } from 'node:path';
import { predict, loadModel, foregroundIoU } from '../src/index';
import { CZANN_DIR, nucleiNames, readNucleiImage, readNucleiTruth } from '../test/bbbc039';

const files = ['napari_simple_nuclei_segmodel.czann', 'i2k_simple_nuclei_segmodel_from_json.czann', 'i2k_simple_nuclei_segmodel_legacy.czseg'];
const result: Record<string, { min: number; mean: number; perImage: Record<string, number> }> = {};
for (const f of files) {
  const model = await loadModel(join(CZANN_DIR, f));
  const per: Record<string, number> = {};
  for (const name of nucleiNames()) {
    const img = readNucleiImage(name);
    const truth = readNucleiTruth(name);
    const p = await predict(model, img);
    const labels = p.planes[0]!.labels!.data;
    const fg = Uint8Array.from(labels, (v) => (v === 2 ? 1 : 0));
    per[name.slice(0, 14)] = foregroundIoU(fg, truth.foreground);
  }
  const v = Object.values(per);
  result[f] = { min: Math.min(...v), mean: v.reduce((a, b) => a + b, 0) / v.length, perImage: per };
  console.log(f, 'min', result[f].min.toFixed(4), 'mean', result[f].mean.toFixed(4));
  await model.dispose();
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, r]) => [k, { min: r.min, mean: r.mean, perImage: r.perImage }]))));
