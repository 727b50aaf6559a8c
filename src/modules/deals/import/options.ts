import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { FIVETRAN_HUBSPOT_PROFILE } from './fivetran-hubspot.mapper.ts';
import { FIVETRAN_SALESFORCE_PROFILE } from './fivetran-salesforce.mapper.ts';
import { IMPORT_FORMATS, type ImportFormat, isDealField, REQUIRED_FIELDS } from './formats.ts';
import { HUBSPOT_EXPORT_PROFILE } from './hubspot-export.mapper.ts';
import { type ColumnMapping, mappedProfile, mappingProblems } from './mapped.mapper.ts';
import type { MapperOptions } from './mapper-types.ts';
import { columnsFor, type FormatProfile } from './profile.ts';
import { mappingPairs } from '../../../platform/imports/profile.ts';
import { missingColumns } from '../../../platform/imports/csv/row-cells.ts';
import { SALESFORCE_PROFILE } from './salesforce.mapper.ts';
import { aliasProblems, DATE_ORDERS, DECIMAL_SEPARATORS, parseCurrency } from './values.ts';

/** Everything an import of one file is told: how to read values, and for `mapped`, the column mapping. */
export interface ImportOptions extends MapperOptions {
  mapping?: ColumnMapping;
}

const PROFILES: Record<Exclude<ImportFormat, 'mapped'>, FormatProfile> = {
  'hubspot-export': HUBSPOT_EXPORT_PROFILE,
  salesforce: SALESFORCE_PROFILE,
  'fivetran-hubspot': FIVETRAN_HUBSPOT_PROFILE,
  'fivetran-salesforce': FIVETRAN_SALESFORCE_PROFILE,
};

/** The profile a format reads with (for `mapped`, the one its mapping describes). */
export const profileFor = (format: ImportFormat, options: ImportOptions): FormatProfile =>
  format === 'mapped' ? mappedProfile(options.mapping ?? {}) : PROFILES[format];

/** Problems with the options themselves, found before any row is read. */
export function optionProblems(format: ImportFormat, options: ImportOptions): string[] {
  if (!IMPORT_FORMATS.includes(format)) return [`unknown format "${format}" (${IMPORT_FORMATS.join(', ')})`];
  const problems = aliasProblems(options.aliases ?? {});
  if (options.dateOrder !== undefined && !DATE_ORDERS.includes(options.dateOrder)) {
    problems.push(`date order "${options.dateOrder}" is not one of ${DATE_ORDERS.join(', ')}`);
  }
  if (options.decimal !== undefined && !DECIMAL_SEPARATORS.includes(options.decimal)) {
    problems.push(`decimal separator "${options.decimal}" is not "." or ","`);
  }
  const currency = options.defaultCurrency === undefined ? undefined : parseCurrency(options.defaultCurrency);
  if (currency && 'error' in currency) problems.push(`default currency: ${currency.error}`);
  for (const field of Object.keys(options.columns ?? {})) {
    if (!isDealField(field)) problems.push(`columns: "${field}" is not a deal field`);
  }
  if (format === 'mapped') problems.push(...mappingProblems(options.mapping ?? {}));
  else if (options.mapping !== undefined) {
    problems.push(`a column mapping is for the "mapped" format; use columns to override ${format}'s`);
  }
  return problems;
}

/** Columns the user named: overrides of a format's columns, or a mapping's columns. */
function namedColumns(format: ImportFormat, options: ImportOptions): [column: string, field: string][] {
  const overrides = Object.entries(options.columns ?? {}).map(([field, column]): [string, string] => [
    column ?? '',
    field,
  ]);
  return format === 'mapped' ? mappingPairs(options.mapping ?? {}) : overrides;
}

/** Problems with a file's header for a format: a required field with no column, a named column that is absent. */
export function headerProblems(format: ImportFormat, headers: readonly string[], options: ImportOptions): string[] {
  if (headers.length === 0) return ['no header line could be read: the file is empty or its first line is malformed'];
  const profile = profileFor(format, options);
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const field of REQUIRED_FIELDS) {
    const columns = columnsFor(profile, options, field);
    if (columns.length > 0 && missingColumns(headers, columns).length === columns.length) {
      problems.push(`the file has no column for ${field} (expected ${columns.map((c) => `"${c}"`).join(' or ')})`);
      columns.forEach((c) => reported.add(c));
    }
  }
  for (const [column, field] of namedColumns(format, options)) {
    if (!reported.has(column) && missingColumns(headers, [column]).length > 0) {
      problems.push(`the file has no column "${column}" (given for ${field})`);
    }
  }
  return problems;
}

/** Throws one validation error listing every problem, or returns quietly. */
export function assertNoProblems(what: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const fieldErrors: FieldError[] = problems.map((message) => ({ field: what, message }));
  throw new AppError('validation', `${what}: ${problems.join('; ')}`, { fieldErrors });
}
