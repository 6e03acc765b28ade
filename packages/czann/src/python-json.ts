/** JSON text exactly as Python's `json.dumps(obj)` writes it: ", " / ": " separators, ASCII-escaped. */

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0'); // UTF-16 units = Python's surrogate pairs
    else out += ch;
  }
  return out + '"';
}

/** Python's float repr: shortest round-trip digits, fixed for 1e-4 <= |x| < 1e16, else d.ddde+XX. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let body: string;
  if (exp >= -4 && exp < 16) {
    if (exp < 0) body = '0.' + '0'.repeat(-exp - 1) + digits;
    else if (digits.length > exp + 1) body = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
    else body = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
  } else {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return (neg ? '-' : '') + body;
}

/** Python json.dumps of a value; `asFloat` writes every number as a Python float (e.g. 1 -> 1.0). */
export function pythonJson(value: unknown, asFloat = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return asFloat || !Number.isInteger(value) ? pythonFloat(value) : String(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return '[' + value.map((v) => pythonJson(v, asFloat)).join(', ') + ']';
  if (typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => `${pythonString(k)}: ${pythonJson(v)}`).join(', ') + '}';
  }
  return 'null';
}
