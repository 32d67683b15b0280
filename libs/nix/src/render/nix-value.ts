import type { SettingValue } from '@thymis/domain';

/**
 * A double-quoted Nix string that evaluates to exactly `s`. Inside "…" Nix gives meaning only to `\`, `"` and `${`;
 * escaping those (and writing newline, CR and tab as \n \r \t: Nix would read a raw CR as a newline) leaves no way for
 * text to end the string or start an interpolation. Only the pair `${` is escaped, not every `$`, so that shell
 * scripts stay readable; a `$` left in front of an escaped `\${` (from `$${`) stays plain text, because Nix reads `$`
 * before `\` as plain text. render.int-spec.ts has Nix evaluate every hostile string back to itself.
 */
export function nixString(s: string): string {
  // A NUL cannot be in a Nix string at all; validation refuses it, this keeps a bypass from truncating silently.
  if (s.includes('\0')) throw new Error('a Nix string cannot contain a NUL character');
  const escaped = s.replace(/\\|"|\$\{|\n|\r|\t/g, (match) => ESCAPES[match]);
  return `"${escaped}"`;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '${': '\\${',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Names the parser reads as keywords even where an attribute name is expected (`or` only in newer Nix). */
const KEYWORDS = new Set(['assert', 'else', 'if', 'in', 'inherit', 'let', 'or', 'rec', 'then', 'with']);
const PLAIN_NAME = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/;

/** An attribute name, bare when Nix reads it back as the same name, quoted otherwise. */
export const nixAttrName = (name: string): string =>
  PLAIN_NAME.test(name) && !KEYWORDS.has(name) ? name : nixString(name);

/** Nix source for a JSON-like value; multi-line lists and attribute sets are indented from `indent`. */
export function nixValue(value: SettingValue, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return nixInt(value);
  if (typeof value === 'string') return nixString(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[\n${value.map((item) => `${inner}${nixValue(item, inner)}\n`).join('')}${indent}]`;
  }
  // Sorted so that the same data always gives the same text, whatever order its keys arrived in.
  const names = Object.keys(value).sort(byCodePoint);
  if (names.length === 0) return '{ }';
  const lines = names.map((name) => `${inner}${nixAttrName(name)} = ${nixValue(value[name], inner)};\n`);
  return `{\n${lines.join('')}${indent}}`;
}

/** Settings hold whole numbers only; a negative one needs parentheses to be a list item. */
function nixInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`${value} is not a whole number Nix can hold`);
  return value < 0 ? `(${value})` : String(value);
}

export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
