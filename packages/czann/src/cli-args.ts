import { CzannError } from './errors';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['json', 'help']);

/** `--name value`, `--name=value`, `-o value`, boolean `--json`/`--help`. */
export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') { out.flags.set('help', true); continue; }
    const m = /^(?:--([a-z-]+)(?:=(.*))?|-(o))$/.exec(a);
    if (!m) { out.positional.push(a); continue; }
    const name = m[1] ?? 'o';
    if (m[2] !== undefined) out.flags.set(name, m[2]);
    else if (BOOLEAN_FLAGS.has(name)) out.flags.set(name, true);
    else {
      const v = argv[++i];
      if (v === undefined) throw new CzannError('INVALID_ARGUMENT', `--${name} needs a value`);
      out.flags.set(name, v);
    }
  }
  return out;
}

export function listOf(v: string | true | undefined, what: string, parse: (s: string) => number = Number): number[] | undefined {
  if (v === undefined) return undefined;
  if (v === true) throw new CzannError('INVALID_ARGUMENT', `${what} needs a value`);
  const nums = v.split(',').map((s) => parse(s.trim()));
  if (nums.some((n) => !Number.isFinite(n))) throw new CzannError('INVALID_ARGUMENT', `${what} must be comma-separated numbers, got ${JSON.stringify(v)}`);
  return nums;
}
