import { CzannError } from './errors';

export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_][\w.\-:]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fail(msg: string, pos: number): never {
  throw new CzannError('BAD_XML', `legacy XML: ${msg} at offset ${pos}`);
}

function decodeEntities(s: string, pos: number): string {
  return s.replace(/&([^;&\s]{1,10});|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) fail('bare "&"', pos);
    if (ENTITIES[ent]) return ENTITIES[ent]!;
    const num = /^#(\d{1,7})$/.exec(ent) ?? /^#x([0-9a-fA-F]{1,6})$/.exec(ent);
    if (num) {
      const cp = parseInt(num[1]!, ent[1] === 'x' ? 16 : 10);
      if (cp > 0 && cp <= 0x10ffff) return String.fromCodePoint(cp);
    }
    return fail(`unknown entity ${m}`, pos);
  });
}

/**
 * A small strict XML parser for the flat legacy model XML: elements, attributes, text, comments and the
 * XML declaration. DOCTYPE/ENTITY declarations, CDATA and processing instructions are refused (no entity
 * expansion attacks); nesting deeper than `maxDepth` is refused.
 */
export function parseXml(text: string, maxDepth: number): XmlElement {
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  const skipWs = () => { while (i < src.length && /\s/.test(src[i]!)) i++; };
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('expected a name', i);
    i += m[0].length;
    return m[0];
  };
  const skipMisc = () => {
    for (;;) {
      skipWs();
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment', i);
        i = end + 3;
      } else if (src.startsWith('<?', i)) {
        if (!/^<\?xml[\s?]/.test(src.slice(i, i + 6))) fail('processing instructions are not allowed', i);
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated XML declaration', i);
        i = end + 2;
      } else if (src.startsWith('<!', i)) {
        fail('DOCTYPE, ENTITY and CDATA sections are not allowed', i);
      } else return;
    }
  };
  const parseElement = (depth: number): XmlElement => {
    if (depth > maxDepth) throw new CzannError('LIMIT_EXCEEDED', `legacy XML nests deeper than ${maxDepth} levels`);
    if (src[i] !== '<') fail('expected "<"', i);
    i++;
    const el: XmlElement = { name: readName(), attrs: new Map(), children: [], text: '' };
    for (;;) {
      skipWs();
      if (src.startsWith('/>', i)) { i += 2; return el; }
      if (src[i] === '>') { i++; break; }
      const attr = readName();
      skipWs();
      if (src[i] !== '=') fail(`expected "=" after attribute ${attr}`, i);
      i++;
      skipWs();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value', i);
      const end = src.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value', i);
      const value = src.slice(i + 1, end);
      if (value.includes('<')) fail('"<" in attribute value', i);
      if (el.attrs.has(attr)) fail(`duplicate attribute ${attr}`, i);
      el.attrs.set(attr, decodeEntities(value, i));
      i = end + 1;
    }
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) fail(`unterminated element <${el.name}>`, i);
      el.text += decodeEntities(src.slice(i, lt), i);
      i = lt;
      if (src.startsWith('</', i)) {
        i += 2;
        const close = readName();
        if (close !== el.name) fail(`</${close}> closes <${el.name}>`, i);
        skipWs();
        if (src[i] !== '>') fail('expected ">"', i);
        i++;
        return el;
      }
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment', i);
        i = end + 3;
        continue;
      }
      if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('DOCTYPE, CDATA and processing instructions are not allowed', i);
      el.children.push(parseElement(depth + 1));
    }
  };
  skipMisc();
  const root = parseElement(1);
  skipMisc();
  if (i !== src.length) fail('content after the root element', i);
  return root;
}
