/**
 * Limits every JSON body Baton parses keeps (pure, no I/O): how deep it may nest, checked on the raw text
 * without recursion before it is parsed, and text a database cannot store as given (a NUL character, which
 * PostgreSQL text refuses, or a lone UTF-16 surrogate, which is not Unicode text), found after parsing.
 */

/** Containers (objects and lists) a JSON body may nest; deeper bodies are refused before they are parsed. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Whether JSON text nests objects and lists deeper than `max`, read in one pass with no recursion (strings
 * skipped, escapes honoured), so a body that would exhaust the stack of a recursive walk is refused before any.
 * Works on UTF-8 bytes as on text: every byte of a multi-byte character is above ASCII.
 */
export function nestsDeeperThan(json: string | Uint8Array, max: number = MAX_JSON_DEPTH): boolean {
  const text = typeof json === 'string';
  const n = json.length;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text ? json.charCodeAt(i) : (json[i] as number);
    if (c === QUOTE) {
      for (i++; i < n; i++) {
        const s = text ? json.charCodeAt(i) : (json[i] as number);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

export const tooDeepMessage = (max: number = MAX_JSON_DEPTH): string =>
  `nests objects and lists deeper than ${max} levels`;

/** What is wrong with a piece of text a database cannot keep as it is, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'holds a NUL character (\\u0000), which cannot be stored';
  if (!text.isWellFormed()) return 'holds a lone UTF-16 surrogate (such as \\ud800), which is not Unicode text';
  return null;
}

/** A key as a field name: printable, whatever it holds. */
const keyName = (key: string): string => key.replaceAll('\u0000', '\\u0000').toWellFormed();

/**
 * The first string or property name in a parsed value that holds text no database keeps as given, named as
 * a field (`body.contacts.0.name`), or null. Walks with a list, not recursion; a value parsed from a body within
 * MAX_JSON_DEPTH is at most that deep anyway.
 */
export function findBadText(value: unknown, base: string): { field: string; message: string } | null {
  const pending: Array<[unknown, string]> = [[value, base]];
  while (pending.length > 0) {
    const [v, path] = pending.pop() as [unknown, string];
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field: path, message: problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) pending.push([v[i], `${path}.${i}`]);
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const problem = textProblem(key);
        if (problem) return { field: `${path}.${keyName(key)}`, message: `its name ${problem}` };
        pending.push([(v as Record<string, unknown>)[key], `${path}.${key}`]);
      }
    }
  }
  return null;
}
