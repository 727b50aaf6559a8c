import { parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import {
  type PlaybookDefinition,
  type PlaybookFile,
  playbookDefinitionSchema,
  playbookFileSchema,
} from './playbook.ts';
import { type CheckOptions, checkDefinition, formatPath, type PlaybookProblem } from './playbook.rules.ts';

/**
 * Playbook files as people write them (YAML or JSON) and as Baton reads them: text → value (with the line of a
 * syntax error) → a checked `PlaybookFile` or the list of problems, each at its field. Pure.
 */

export type FileFormat = 'yaml' | 'json';

export type Read<T> = { ok: true; value: T } | { ok: false; problems: PlaybookProblem[] };

/** Clearer words than the schema's for the fields people most often leave out. */
const REQUIRED: Record<string, string> = {
  'definition.firstValueMilestone':
    'a playbook needs a first-value milestone: name the key of the milestone that counts as first value',
  'definition.goLiveMilestone': 'name the key of the milestone that is the go-live',
  definition: 'a playbook file has a definition with its phases, milestones and tasks',
};

const valueAt = (input: unknown, path: ReadonlyArray<PropertyKey>): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );

function issuesToProblems(
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: ReadonlyArray<PropertyKey>,
): PlaybookProblem[] {
  return issues.map((issue) => {
    const full = [...prefix, ...issue.path];
    const path = formatPath(full) || 'file';
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    if (missing) return { path, message: REQUIRED[path] ?? 'is required' };
    return { path, message: issue.message };
  });
}

/** A whole playbook file: the schema first, then the rules (`checkPlaybook`). */
export function readPlaybookFile(input: unknown, options: CheckOptions = {}): Read<PlaybookFile> {
  const parsed = playbookFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(input, parsed.error.issues, []) };
  const problems = checkDefinition(parsed.data.definition, options);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** A definition alone (a new version of an existing playbook), with paths starting at `definition`. */
export function readDefinition(input: unknown, options: CheckOptions = {}): Read<PlaybookDefinition> {
  const parsed = playbookDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: issuesToProblems(
        { definition: input },
        parsed.error.issues.map((i) => ({ ...i, path: ['definition', ...i.path] })),
        [],
      ),
    };
  }
  const problems = checkDefinition(parsed.data, options);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

const lineOf = (text: string, position: number): { line: number; col: number } => {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
};

/** Which format a body is in: from its content type, else from its first character. */
export function detectFormat(text: string, contentType?: string): FileFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type.includes('yaml')) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** The first error of a YAML parse (`schema: 'json'` for JSON's stricter values), with its line. */
function yamlError(text: string, schema?: 'json'): string | null {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, ...(schema ? { schema } : {}) });
  const error = doc.errors[0];
  if (!error) return null;
  const pos = error.linePos?.[0];
  const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return pos ? `line ${pos.line}, column ${pos.col}: ${first}` : first;
}

/** The value a YAML or JSON text holds, or the syntax error with its line. */
export function parseText(text: string, format: FileFormat): Read<unknown> {
  if (text.trim() === '') return { ok: false, problems: [{ path: 'file', message: 'the file is empty' }] };
  if (format === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (err) {
      const message = (err as Error).message.split('\n')[0] ?? '';
      const at = /position (\d+)/.exec(message);
      const where = at ? lineOf(text, Number(at[1])) : null;
      // Node does not always say where; YAML reads JSON too and does.
      const located = where
        ? `line ${where.line}, column ${where.col}`
        : /^line \d+, column \d+/.exec(yamlError(text, 'json') ?? '')?.[0];
      return {
        ok: false,
        problems: [
          {
            path: 'file',
            message: located ? `${located}: not valid JSON (${message})` : `not valid JSON (${message})`,
          },
        ],
      };
    }
  }
  const error = yamlError(text);
  if (error) return { ok: false, problems: [{ path: 'file', message: error }] };
  return { ok: true, value: parseDocument(text, { uniqueKeys: true }).toJS() };
}

/** A file's text in a format; YAML with the long lines kept whole, so that a diff shows one change per line. */
export function writePlaybookFile(file: PlaybookFile, format: FileFormat): string {
  return format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : stringify(file, { lineWidth: 0 });
}

/** The same content, whatever the order of keys or the defaults left out: for "unchanged" on re-import. */
export const sameDefinition = (a: PlaybookDefinition, b: PlaybookDefinition): boolean =>
  JSON.stringify(playbookDefinitionSchema.parse(a)) === JSON.stringify(playbookDefinitionSchema.parse(b));
