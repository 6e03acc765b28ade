import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadModel } from '@tessera/inference';
import { readBundleModel } from './bundle-model';
import { encodeTiff, runModelOnImage } from './run-model';
import { startServer } from './serve';

const USAGE = `Tessera model bundle runtime
  predict --input IMG --output LABELS.tif [--objects OBJECTS.csv] [--probabilities P.tif] [--threads N]
  serve [--port 8080] [--host 0.0.0.0] [--threads N]     POST /predict (TIFF/PNG body), GET /health
  info                                                     model type, classes, tile size
Options: --model-dir DIR (default: the folder of this file).`;

/** The bundle's entry point (built into runtime.cjs): the CLI and the HTTP server share runModelOnImage. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let args;
  try {
    args = parseArgs({
      args: rest,
      options: {
        input: { type: 'string' }, output: { type: 'string' }, objects: { type: 'string' }, probabilities: { type: 'string' },
        threads: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'model-dir': { type: 'string' },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const dir = args['model-dir'] ?? path.dirname(path.resolve(process.argv[1] ?? '.'));
  const threads = args.threads ? Number(args.threads) : undefined;
  if (command === 'predict') {
    if (!args.input || !args.output) {
      process.stderr.write(`predict needs --input and --output\n${USAGE}\n`);
      return 2;
    }
    const model = await loadModel(await readBundleModel(dir), { threads });
    const out = await runModelOnImage(model, new Uint8Array(await readFile(args.input)), { probabilities: Boolean(args.probabilities) });
    await writeFile(args.output, encodeTiff(out.labels));
    if (args.probabilities && out.probabilities) await writeFile(args.probabilities, encodeTiff(out.probabilities));
    if (args.objects) await writeFile(args.objects, out.objectsCsv ?? 'id\n');
    process.stdout.write(`${JSON.stringify({ type: model.type, width: out.labels.width, height: out.labels.height, objectCount: out.objectCount ?? null })}\n`);
    await model.dispose();
    return 0;
  }
  if (command === 'serve') {
    const model = await loadModel(await readBundleModel(dir), { threads });
    const server = await startServer(model, { port: Number(args.port ?? 8080), host: args.host ?? '0.0.0.0' });
    process.stdout.write(`listening on http://${args.host ?? '0.0.0.0'}:${server.port}\n`);
    for (const s of ['SIGTERM', 'SIGINT'] as const) process.once(s, () => void server.close().then(() => process.exit(0)));
    return new Promise<number>(() => undefined);
  }
  if (command === 'info') {
    const model = await loadModel(await readBundleModel(dir), { threads });
    process.stdout.write(`${JSON.stringify({ type: model.type, classes: model.classes, tile: [model.tileHeight, model.tileWidth], border: model.border })}\n`);
    return 0;
  }
  process.stdout.write(`${USAGE}\n`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}
