import { z } from 'zod';
import { CzannError } from './errors';
import { MODEL_TYPES, type ModelMetadata } from './types';

const Shape = z.array(z.number().int());
/** model.json (schema 1.0.0 / 1.1.0 / 2.0.0 share these keys); unknown keys pass through. */
export const ModelJsonSchema = z.looseObject({
  Id: z.string().optional(),
  Type: z.enum(MODEL_TYPES),
  InputShape: Shape,
  OutputShape: Shape,
  MinOverlap: Shape.optional(),
  Classes: z.array(z.string()).optional(),
  ModelName: z.string().optional(),
  Scaling: z.tuple([z.number(), z.number()]).optional(),
});
export type ModelJson = z.infer<typeof ModelJsonSchema>;

/** The keys we map, in the order the reference producer writes them. */
export const KNOWN_KEYS = ['Id', 'Type', 'InputShape', 'OutputShape', 'MinOverlap', 'Classes', 'ModelName', 'Scaling'] as const;

function depthExceeds(value: unknown, max: number): boolean {
  if (max < 0) return true;
  if (Array.isArray(value)) return value.some((v) => depthExceeds(v, max - 1));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => depthExceeds(v, max - 1));
  return false;
}

/** Parses model.json text (any whitespace, BOM tolerated) into metadata; unknown keys go to `extra`. */
export function parseModelJson(text: string, maxDepth: number): ModelMetadata {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CzannError('BAD_METADATA', `model.json is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CzannError('BAD_METADATA', 'model.json must hold a JSON object');
  }
  if (depthExceeds(raw, maxDepth)) throw new CzannError('LIMIT_EXCEEDED', `model.json nests deeper than ${maxDepth} levels`);
  const parsed = ModelJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(root)';
    throw new CzannError('BAD_METADATA', `model.json field ${field}: ${issue.message}`);
  }
  const j = parsed.data;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!(KNOWN_KEYS as readonly string[]).includes(k)) extra[k] = v;
  const md: ModelMetadata = { type: j.Type, inputShape: j.InputShape, outputShape: j.OutputShape, extra };
  if (j.Id !== undefined) md.id = j.Id;
  if (j.MinOverlap !== undefined) md.minOverlap = j.MinOverlap;
  if (j.Classes !== undefined) md.classes = j.Classes;
  if (j.ModelName !== undefined) md.modelName = j.ModelName;
  if (j.Scaling !== undefined) md.scaling = j.Scaling;
  return md;
}
