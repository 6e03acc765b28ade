import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readModel } from '@tessera/czann';
import { readImage } from '@tessera/imaging';
import { loadModel, type Raster } from '@tessera/inference';
import { buildBundleFiles, checkBundleParity, checkCzannParity, goldenTiles, packageCzann, platformOutputs, writeBundle } from '../src/index';
import { nucleiInstanceModel } from '../src/test-models';

/** npm run bench:packaging — packages a trained model as .czann and bundle, with parity on BBBC039 golden tiles. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const TRAINED = path.join(ROOT, '.bench/models/bbbc039-instance-partial.czann');
const IMAGES = path.join(ROOT, '../shared/data/nuclei-bbbc039/images');

const source = existsSync(TRAINED)
  ? { name: 'bbbc039-instance-partial', model: await readModel(TRAINED), from: '.bench/models (npm run bench:training)' }
  : { name: 'nuclei-instances', model: (await nucleiInstanceModel()).model, from: 'napari_simple_nuclei_segmodel as instance model (no trained model in .bench/models)' };
const images = readdirSync(IMAGES).sort().slice(0, 4).map((f) => ({ name: f, raster: readImage(new Uint8Array(readFileSync(path.join(IMAGES, f)))).planes[0] as Raster }));
const golden = goldenTiles(images, 1);
const platform = await loadModel(source.model, { threads: 2 });
const reference = await platformOutputs(platform, golden.tiles);
await platform.dispose();
const input = { platform: reference, tiles: golden.tiles, modelType: source.model.metadata.type, goldenSet: golden.description };

let t = performance.now();
const czann = await packageCzann(source.model, { modelName: source.name });
const czannPackMs = performance.now() - t;
t = performance.now();
const czannParity = await checkCzannParity(czann.czann, input, 2);
const czannParityMs = performance.now() - t;

t = performance.now();
const { entries } = await buildBundleFiles({ model: source.model, modelName: source.name, version: 1 });
const bundleBuildMs = performance.now() - t;
t = performance.now();
const bundleParity = await checkBundleParity(writeBundle(entries, null), input, { threads: 2 });
const bundleParityMs = performance.now() - t;
const bundle = writeBundle(entries, bundleParity);
mkdirSync(path.join(ROOT, '.bench/bundles'), { recursive: true });
const out = path.join(ROOT, '.bench/bundles', `${source.name}.tar.gz`);
writeFileSync(out, bundle);

console.log(`model: ${source.name} (${source.model.metadata.type}) from ${source.from}`);
console.log(`golden set: ${golden.description}`);
console.log(`.czann: ${czann.czann.length} B, packaged in ${czannPackMs.toFixed(0)} ms, parity ${czannParityMs.toFixed(0)} ms: max|dp| ${czannParity.maxAbsProbDiff}, agreement ${czannParity.labelAgreement}, dN ${czannParity.instanceCountDiff} → ${czannParity.passed ? 'PASS' : 'FAIL'}`);
console.log(`bundle: ${bundle.length} B → ${path.relative(ROOT, out)}, built in ${bundleBuildMs.toFixed(0)} ms, parity (runtime via node, ${golden.tiles.length} tiles) ${bundleParityMs.toFixed(0)} ms: max|dp| ${bundleParity.maxAbsProbDiff}, agreement ${bundleParity.labelAgreement}, dN ${bundleParity.instanceCountDiff} → ${bundleParity.passed ? 'PASS' : 'FAIL'}`);
console.log(JSON.stringify({
  bench: 'packaging', model: source.name, modelType: source.model.metadata.type, tiles: golden.tiles.length,
  czann: { bytes: czann.czann.length, packageMs: Math.round(czannPackMs), parityMs: Math.round(czannParityMs), maxAbsProbDiff: czannParity.maxAbsProbDiff, labelAgreement: czannParity.labelAgreement, instanceCountDiff: czannParity.instanceCountDiff, passed: czannParity.passed },
  bundle: { bytes: bundle.length, path: path.relative(ROOT, out), buildMs: Math.round(bundleBuildMs), parityMs: Math.round(bundleParityMs), maxAbsProbDiff: bundleParity.maxAbsProbDiff, labelAgreement: bundleParity.labelAgreement, instanceCountDiff: bundleParity.instanceCountDiff, checksumsMatch: bundleParity.checksumsMatch, passed: bundleParity.passed },
}));
