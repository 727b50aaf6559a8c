/**
 * The one way into an import: the command line, the upload routes and the import page hand a file to its kind's
 * importer here, so the request is checked alike and the run leaves the same report, notes, run record and audit
 * entry whichever door the file came through.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../errors/app-error.ts';
import type { ImportKindView, ImportResult } from './import-run.ts';
import { COMMON_OPTIONS, type CommonOption, type ImportCall, type Importer, type ImportRequest } from './importer.ts';

/** The common options a kind reads (all of them when its importer does not say). */
export const takesOf = (importer: Importer): readonly CommonOption[] => importer.takes ?? COMMON_OPTIONS;

/** The kind's label: its own, else its name with a capital. */
export const labelOf = (importer: Importer): string =>
  importer.label ?? `${importer.kind.charAt(0).toUpperCase()}${importer.kind.slice(1).replaceAll(/[-_]/g, ' ')}`;

/** The permission an import of the kind needs. */
export const accessOf = (importer: Importer) => importer.access ?? 'imports:run';

/** The kind its runs are recorded under. */
export const runKindOf = (importer: Importer): string => importer.runKind ?? importer.kind;

/**
 * The request with the kind's own options filled in (their defaults), or a validation error naming every
 * option the kind does not take and every value its own options refuse, as the caller names them.
 */
export function checkRequest(importer: Importer, call: Pick<ImportCall, 'request' | 'name'>): ImportRequest {
  const { request, name } = call;
  const problems: FieldError[] = [];
  const takes = new Set<string>(takesOf(importer));
  for (const option of COMMON_OPTIONS)
    if (request[option] !== undefined && !takes.has(option))
      problems.push({ field: name(option), message: `an import of ${importer.kind} takes no such option` });
  const own = new Map((importer.options ?? []).map((o) => [o.name, o]));
  const options: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(request.options ?? {})) {
    const doc = own.get(key);
    if (!doc) problems.push({ field: name(key), message: `an import of ${importer.kind} takes no such option` });
    else if (doc.maxLength !== undefined && value.length > doc.maxLength)
      problems.push({ field: name(key), message: `is longer than ${doc.maxLength} characters` });
    else if (doc.pattern && !doc.pattern.test(value))
      problems.push({ field: name(key), message: `"${value}" does not match ${doc.pattern.source}` });
    else options[key] = value;
  }
  for (const doc of own.values()) if (options[doc.name] === undefined && doc.default) options[doc.name] = doc.default;
  const files = new Set((importer.files ?? []).map((f) => f.name));
  for (const key of Object.keys(request.files ?? {}))
    if (!files.has(key))
      problems.push({ field: name(key), message: `an import of ${importer.kind} reads no such file` });
  if (problems.length)
    throw new AppError('validation', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      fieldErrors: problems,
    });
  return { ...request, options };
}

/** Imports one file of a kind: the request checked, then the kind's importer run with it. */
export async function importFile(db: Kysely<Database>, importer: Importer, call: ImportCall): Promise<ImportResult> {
  const request = checkRequest(importer, call);
  return importer.run(db, { ...call, request });
}

/** A kind as the API lists it. */
export const kindView = (importer: Importer): ImportKindView => ({
  kind: importer.kind,
  label: labelOf(importer),
  description: importer.description ?? `Import ${importer.kind} from a CSV file`,
  access: accessOf(importer),
  mediaTypes: [...(importer.mediaTypes ?? ['text/csv'])],
  preview: importer.plan !== undefined,
  takes: [...takesOf(importer)],
  formats: [...importer.formats],
  fields: [...importer.fields],
  aliasFields: [...importer.aliasFields],
  defaultFields: [...importer.defaultFields],
  options: (importer.options ?? []).map((o) => ({
    name: o.name,
    description: o.description,
    default: o.default ?? null,
  })),
  files: (importer.files ?? []).map((f) => ({ name: f.name, description: f.description })),
  runKind: runKindOf(importer),
});
