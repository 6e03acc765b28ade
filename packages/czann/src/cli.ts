import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { parseArgs, listOf, type ParsedArgs } from './cli-args';
import { convertLegacy } from './convert-legacy';
import { CzannError, isCzannError } from './errors';
import { parseModelJson } from './model-json';
import { inspectOnnx } from './onnx-inspect';
import { readModel } from './read-model';
import { MODEL_TYPES, type ModelMetadata, type ModelType } from './types';
import { validateModel } from './validate-model';
import { writeCzann } from './write-model';

export const HELP = `czann: read, check and write ZEISS .czann models (and legacy .czmodel/.czseg)

Usage:
  czann inspect FILE [--json]          metadata, entries and the ONNX graph's inputs/outputs
  czann validate FILE [--json]         exit 0 valid, 1 invalid, 2 unreadable
  czann pack --onnx M.onnx --type T --input-shape H,W,C --output-shape H,W,C
             [--classes a,b] [--min-overlap N,N] [--name S] [--scaling X,Y] [--license F] -o OUT.czann
  czann pack --spec SPEC.json [--onnx M.onnx] [flags above override the spec] -o OUT.czann
             SPEC is czmodel's ModelSpec JSON: {"ModelPath", "LicenseFile"?, "ModelMetadata": {model.json keys}}
             or a bare model.json object; missing shapes are taken from the ONNX graph.
  czann unpack FILE -o DIR             write the metadata, ONNX and license entries into DIR
  czann convert LEGACY -o OUT.czann    legacy .czmodel/.czseg to .czann (bakes in the [0,1] input scaling)

Types: ${MODEL_TYPES.join(', ')}
`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const str = (a: ParsedArgs, k: string): string | undefined => {
  const v = a.flags.get(k);
  if (v === true) throw new CzannError('INVALID_ARGUMENT', `--${k} needs a value`);
  return v;
};
const need = (v: string | undefined, what: string): string => {
  if (!v) throw new CzannError('INVALID_ARGUMENT', `${what} is required (see czann --help)`);
  return v;
};

async function inspect(a: ParsedArgs, io: CliIo): Promise<number> {
  const m = await readModel(need(a.positional[1], 'FILE'));
  const onnx = inspectOnnx(m.onnx);
  const { onnx: _bytes, ...rest } = m;
  if (a.flags.has('json')) io.out(JSON.stringify({ ...rest, onnxBytes: m.onnx.length, onnxSummary: onnx }, null, 2));
  else {
    const md = m.metadata;
    const t = (i: (typeof onnx.inputs)[number]) => `${i.name} ${i.elemType}[${i.shape.join(', ')}]`;
    io.out([
      `format      ${m.format}${m.legacyVersion ? ` (model version ${m.legacyVersion})` : ''}`,
      `id          ${md.id ?? '(none)'}`, `type        ${md.type}`, `name        ${md.modelName ?? '(none)'}`,
      `input       [${md.inputShape.join(', ')}]   output [${md.outputShape.join(', ')}]`,
      `min overlap ${md.minOverlap ? `[${md.minOverlap.join(', ')}]` : '(none)'}   scaling ${md.scaling ? `[${md.scaling.join(', ')}]` : '(none)'}`,
      `classes     ${md.classes?.join(', ') ?? '(none)'}`,
      `onnx        ${m.onnx.length} bytes, opset ${onnx.opset}, ${onnx.nodeCount} nodes, ${onnx.initializerCount} initializers, ${onnx.parameterCount} parameters`,
      `  inputs    ${onnx.inputs.map(t).join('; ')}`, `  outputs   ${onnx.outputs.map(t).join('; ')}`,
      `entries     ${Object.values(m.entries).join(', ')}`,
    ].join('\n'));
  }
  return 0;
}

async function validate(a: ParsedArgs, io: CliIo): Promise<number> {
  const report = validateModel(await readModel(need(a.positional[1], 'FILE')));
  if (a.flags.has('json')) io.out(JSON.stringify({ valid: report.valid, findings: report.findings }, null, 2));
  else {
    for (const f of report.findings) io.out(`${f.severity.padEnd(7)} ${f.code} [${f.field}] ${f.message}`);
    io.out(report.valid ? 'valid' : 'INVALID');
  }
  return report.valid ? 0 : 1;
}

async function pack(a: ParsedArgs, io: CliIo): Promise<number> {
  const specPath = str(a, 'spec');
  let spec: Record<string, unknown> = {};
  let base = process.cwd();
  if (specPath) {
    base = dirname(resolve(specPath));
    const parsed = JSON.parse(await readFile(specPath, 'utf8')) as Record<string, unknown>;
    spec = (parsed.ModelMetadata as Record<string, unknown>) ?? parsed;
    if (typeof parsed.ModelPath === 'string' && !a.flags.has('onnx')) a.flags.set('onnx', resolve(base, parsed.ModelPath));
    if (typeof parsed.LicenseFile === 'string' && !a.flags.has('license')) a.flags.set('license', resolve(base, parsed.LicenseFile));
  }
  const onnx = new Uint8Array(await readFile(need(str(a, 'onnx'), '--onnx (or ModelPath in --spec)')));
  const summary = inspectOnnx(onnx);
  const fromGraph = (dims: (number | string)[]) => (dims.slice(1).every((d) => typeof d === 'number' && d > 0) ? dims.slice(1) : undefined);
  const j: Record<string, unknown> = {
    ...spec,
    Type: str(a, 'type') ?? spec.Type,
    InputShape: listOf(a.flags.get('input-shape'), '--input-shape') ?? spec.InputShape ?? fromGraph(summary.inputs[0]!.shape),
    OutputShape: listOf(a.flags.get('output-shape'), '--output-shape') ?? spec.OutputShape ?? fromGraph(summary.outputs[0]!.shape),
  };
  const classes = str(a, 'classes');
  if (classes !== undefined) j.Classes = classes.split(',').map((s) => s.trim());
  const ov = listOf(a.flags.get('min-overlap'), '--min-overlap');
  if (ov) j.MinOverlap = ov;
  const name = str(a, 'name');
  if (name !== undefined) j.ModelName = name;
  const scaling = listOf(a.flags.get('scaling'), '--scaling');
  if (scaling) j.Scaling = scaling;
  if (!MODEL_TYPES.includes(j.Type as ModelType)) throw new CzannError('INVALID_ARGUMENT', `--type must be one of ${MODEL_TYPES.join(', ')}`);
  const metadata: ModelMetadata = parseModelJson(JSON.stringify(j), 16);
  metadata.id ??= randomUUID();
  const licensePath = str(a, 'license');
  const license = licensePath ? await readFile(licensePath, 'utf8') : undefined;
  const report = validateModel({ format: 'czann', metadata, onnx, entries: { metadata: 'model.json', onnx: 'model.model' } });
  for (const f of report.findings) io.err(`${f.severity.padEnd(7)} ${f.code} [${f.field}] ${f.message}`);
  if (report.findings.some((f) => f.code.endsWith('SHAPE_MISMATCH'))) return 1; // the reference producer refuses these too
  const out = need(str(a, 'o'), '-o OUT.czann');
  await writeFile(out, writeCzann(license === undefined ? { metadata, onnx } : { metadata, onnx, license }));
  io.out(`wrote ${out}`);
  return 0;
}

async function unpack(a: ParsedArgs, io: CliIo): Promise<number> {
  const m = await readModel(need(a.positional[1], 'FILE'));
  const dir = resolve(need(str(a, 'o'), '-o DIR'));
  await mkdir(dir, { recursive: true });
  const parts: [string, Uint8Array | string][] = [[m.entries.onnx, m.onnx]];
  parts.unshift([m.entries.metadata, m.metadataText ?? '']);
  if (m.license !== undefined && m.entries.license) parts.push([m.entries.license, m.license]);
  for (const [entry, data] of parts) {
    const target = resolve(dir, basename(entry));
    if (!target.startsWith(dir + sep)) throw new CzannError('UNSAFE_ENTRY_NAME', `entry ${JSON.stringify(entry)} would land outside ${dir}`);
    await writeFile(target, data);
    io.out(`wrote ${target}`);
  }
  return 0;
}

async function convert(a: ParsedArgs, io: CliIo): Promise<number> {
  const m = await readModel(need(a.positional[1], 'LEGACY'));
  const result = convertLegacy(m);
  const out = need(str(a, 'o'), '-o OUT.czann');
  await writeFile(out, result.bytes);
  io.out(`wrote ${out}${result.inputScale !== 1 ? ` (inputs scaled by ${result.inputScale} inside the graph)` : ''}`);
  return 0;
}

const COMMANDS: Record<string, (a: ParsedArgs, io: CliIo) => Promise<number>> = { inspect, validate, pack, unpack, convert };

/** Runs the CLI; returns the exit code (2 for unreadable input or bad usage). */
export async function runCli(argv: string[], io: CliIo = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  try {
    const args = parseArgs(argv);
    const cmd = args.positional[0];
    if (!cmd || args.flags.has('help')) {
      io.out(HELP);
      return cmd || args.flags.has('help') ? 0 : 2;
    }
    const run = COMMANDS[cmd];
    if (!run) throw new CzannError('INVALID_ARGUMENT', `unknown command ${JSON.stringify(cmd)} (see czann --help)`);
    return await run(args, io);
  } catch (e) {
    if (isCzannError(e)) io.err(`czann: ${e.code}: ${e.message}`);
    else io.err(`czann: ${(e as Error).message}`);
    return 2;
  }
}
