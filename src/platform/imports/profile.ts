/**
 * What an importer knows about one CSV shape (a format): where each of its fields lives, what marks a row
 * deleted, and how to tell the shape from a header. Generic over the importer's field names; pure.
 */
import { parseBoolean } from './values/booleans.ts';
import type { RowCells } from './csv/row-cells.ts';
import type { RowError } from './import-run.ts';

/** Candidate columns per field, in order of preference (matched case-insensitively). */
export type FieldColumns<F extends string> = Partial<Record<F, readonly string[]>>;

/** A column that marks a row as deleted when it holds `deletedWhen`; blank never does. */
export interface DeletionFlag {
  column: string;
  deletedWhen: boolean;
  reason: string;
}

export interface FormatProfile<F extends string> {
  /** Where the records come from (`salesforce`, `hubspot`, `csv`): external ids are unique per source. */
  source: string;
  columns: FieldColumns<F>;
  deletion?: readonly DeletionFlag[];
}

/** One documented target field, as `--help`, the API and the web page list it. */
export interface FieldDoc {
  name: string;
  required: boolean;
  description: string;
}

/**
 * Column name in the file → the field it feeds, or the fields (one column may feed several: an id that is also
 * the only name), e.g. `{ 'Company': 'name', 'Web': 'domain', 'Opportunity ID': ['external_id', 'name'] }`.
 */
export type ColumnMapping = Readonly<Record<string, string | readonly string[]>>;

/** Each column → field pair of a mapping, a column that feeds several fields once per field. */
export function mappingPairs(mapping: ColumnMapping): Array<[column: string, field: string]> {
  return Object.entries(mapping).flatMap(([column, target]) =>
    typeof target === 'string'
      ? [[column, target] as [string, string]]
      : target.map((f): [string, string] => [column, f]),
  );
}

/** Field → the one column to read it from instead of the format's own, e.g. `{ segment: 'Tier__c' }`. */
export type ColumnOverrides<F extends string> = Partial<Record<F, string>>;

/** The profile's candidates for a field, or the one column the user named for it. */
export function columnsFor<F extends string>(
  profile: FormatProfile<F>,
  overrides: ColumnOverrides<F> | undefined,
  field: F,
): readonly string[] {
  const chosen = overrides?.[field];
  return chosen !== undefined ? [chosen] : (profile.columns[field] ?? []);
}

/** The reason a row is marked deleted, or undefined; a flag that is not a yes/no value becomes an error. */
export function deletionReason<F extends string>(
  cells: RowCells,
  profile: FormatProfile<F>,
  row: number,
  errors: RowError[],
): string | undefined {
  for (const flag of profile.deletion ?? []) {
    const cell = cells.first([flag.column]);
    if (!cell || cell.raw.trim() === '') continue;
    const parsed = parseBoolean(cell.raw);
    if ('error' in parsed) errors.push({ row, field: cell.column, reason: parsed.error });
    else if (parsed.value === flag.deletedWhen) return flag.reason;
  }
  return undefined;
}

/** The fields an importer accepts and which ones a file must feed (each group: at least one of its fields). */
export interface FieldSet<F extends string> {
  names: readonly F[];
  required: ReadonlyArray<readonly F[]>;
  /** Fields several columns may feed at once. */
  multi?: readonly F[];
}

export const isFieldOf = <F extends string>(set: FieldSet<F>, name: string): name is F =>
  (set.names as readonly string[]).includes(name);

const groupLabel = (group: readonly string[]): string => group.join(' or ');

/**
 * What is wrong with a mapping itself: targets that are not fields, a field fed by two columns. A required
 * field with no column is a problem of the file's header (`headerProblems`), shown in a preview like any other.
 */
export function mappingProblems<F extends string>(mapping: ColumnMapping, fields: FieldSet<F>): string[] {
  const problems: string[] = [];
  const byField = new Map<F, string[]>();
  for (const [column, target] of mappingPairs(mapping)) {
    const field = target.trim();
    if (!isFieldOf(fields, field)) {
      problems.push(`column "${column}" maps to "${target}", which is not a field here (${fields.names.join(', ')})`);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const [field, columns] of byField) {
    if (!fields.multi?.includes(field) && columns.length > 1) {
      problems.push(`${field} is mapped from several columns (${columns.map((c) => `"${c}"`).join(', ')}); keep one`);
    }
  }
  return problems;
}

/** Problems with column overrides: fields that do not exist. */
export function overrideProblems<F extends string>(
  overrides: Readonly<Record<string, string | undefined>>,
  fields: FieldSet<F>,
): string[] {
  return Object.keys(overrides)
    .filter((f) => !isFieldOf(fields, f))
    .map((f) => `columns: "${f}" is not a field here (${fields.names.join(', ')})`);
}

/** The profile a mapping describes (targets that are not fields are left out: `mappingProblems` names them). */
export function mappedProfile<F extends string>(
  mapping: ColumnMapping,
  fields: FieldSet<F>,
  source = 'csv',
): FormatProfile<F> {
  const columns: Partial<Record<F, string[]>> = {};
  for (const [column, target] of mappingPairs(mapping)) {
    const field = target.trim();
    if (isFieldOf(fields, field) && !columns[field]?.includes(column))
      columns[field] = [...(columns[field] ?? []), column];
  }
  return { source, columns };
}

const normalize = (name: string): string => name.trim().toLowerCase();

/**
 * Which column of `headers` feeds each field (the first candidate present), and which columns feed nothing; a
 * column that feeds several fields is listed once per field, in the fields' order.
 */
export function resolveColumns<F extends string>(
  profile: FormatProfile<F>,
  overrides: ColumnOverrides<F> | undefined,
  fields: FieldSet<F>,
  headers: readonly string[],
): Array<{ column: string; field: F | null }> {
  const byName = new Map(headers.map((h) => [normalize(h), h]));
  const fieldsOf = new Map<string, F[]>();
  for (const field of fields.names) {
    const candidates = columnsFor(profile, overrides, field);
    const present = fields.multi?.includes(field)
      ? candidates.filter((c) => byName.has(normalize(c)))
      : candidates.filter((c) => byName.has(normalize(c))).slice(0, 1);
    for (const c of present) {
      const header = byName.get(normalize(c)) as string;
      fieldsOf.set(header, [...(fieldsOf.get(header) ?? []), field]);
    }
  }
  return headers.flatMap((column) => (fieldsOf.get(column) ?? [null]).map((field) => ({ column, field })));
}

/** Problems with a file's header: a required group with no column present, a named column that is absent. */
export function headerProblems<F extends string>(
  profile: FormatProfile<F>,
  overrides: ColumnOverrides<F> | undefined,
  fields: FieldSet<F>,
  headers: readonly string[],
  named: ReadonlyArray<[column: string, field: string]>,
): string[] {
  if (headers.length === 0) return ['no header line could be read: the file is empty or its first line is malformed'];
  const present = new Set(headers.map(normalize));
  const problems: string[] = [];
  for (const group of fields.required) {
    const candidates = group.flatMap((f) => columnsFor(profile, overrides, f));
    if (!candidates.some((c) => present.has(normalize(c)))) {
      const expected = candidates.length ? ` (expected ${candidates.map((c) => `"${c}"`).join(' or ')})` : '';
      problems.push(`the file has no column for ${groupLabel(group)}${expected}`);
    }
  }
  for (const [column, field] of named) {
    if (!present.has(normalize(column))) problems.push(`the file has no column "${column}" (given for ${field})`);
  }
  return problems;
}

/** Header names that identify a format: all of `all`, at least one of `any` (when given), none of `none`. */
export interface FormatSignature {
  all: readonly string[];
  any?: readonly string[];
  none?: readonly string[];
}

/**
 * The one format whose signature the header matches (case and surrounding spaces ignored), or undefined when
 * none or several match: the user then names the format or maps the columns.
 */
export function detectBySignature<K extends string>(
  headers: readonly string[],
  signatures: Readonly<Record<K, readonly FormatSignature[]>>,
): K | undefined {
  const names = new Set(headers.map(normalize));
  const fits = (s: FormatSignature) =>
    s.all.every((n) => names.has(n)) &&
    (!s.any || s.any.some((n) => names.has(n))) &&
    !(s.none ?? []).some((n) => names.has(n));
  const matches = (Object.keys(signatures) as K[]).filter((format) => signatures[format].some(fits));
  return matches.length === 1 ? matches[0] : undefined;
}
