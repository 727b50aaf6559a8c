import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import {
  type ColumnMapping,
  type ColumnOverrides,
  type FieldSet,
  type FormatProfile,
  headerProblems,
  mappedProfile,
  mappingPairs,
  mappingProblems,
  overrideProblems,
  columnsFor,
} from '../../../platform/imports/profile.ts';
import { countryAliasProblems } from '../../../platform/imports/values/countries.ts';
import { DATE_ORDERS, type DateOrder } from '../../../platform/imports/values/dates.ts';
import type { Aliases, Picklist } from '../../../platform/imports/values/picklist.ts';
import { ACCOUNT_FIELD_SET, type AccountField, CONTACT_FIELD_SET, type ContactField } from './fields.ts';
import { ACCOUNT_PROFILES, CONTACT_PROFILES, isRecordFormat, RECORD_FORMATS, type RecordFormat } from './formats.ts';
import {
  ACCOUNT_ALIAS_FIELDS,
  ACCOUNT_DEFAULT_FIELDS,
  CONTACT_ALIAS_FIELDS,
  CONTACT_DEFAULT_FIELDS,
  LIFECYCLE_LIST,
  REGION_LIST,
  ROLE_LIST,
  SEGMENT_LIST,
} from './picklists.ts';

export type RecordKind = 'accounts' | 'contacts';

/** Everything an account or contact import of one file is told; nothing here is ever guessed. */
export interface RecordImportOptions {
  /** For the `mapped` format: column → field. */
  mapping?: ColumnMapping;
  /** For the other formats: field → the column to read it from instead of the format's own. */
  columns?: Readonly<Record<string, string>>;
  /** Per field, spelling → canonical value: `{ segment: { 'Mid-Market': 'mid_market' } }`. */
  aliases?: Readonly<Record<string, Aliases>>;
  /** Per field, the value new records take when their row names none: `{ segment: 'smb' }`. */
  defaults?: Readonly<Record<string, string>>;
  /** Order of year-last dates such as `03/04/24`; without it such dates are row errors. */
  dateOrder?: DateOrder;
}

interface KindRules<F extends string> {
  fields: FieldSet<F>;
  profiles: Record<Exclude<RecordFormat, 'mapped'>, FormatProfile<F>>;
  aliasFields: readonly string[];
  defaultFields: readonly string[];
  lists: Readonly<Record<string, Picklist<string>>>;
}

const ACCOUNT_RULES: KindRules<AccountField> = {
  fields: ACCOUNT_FIELD_SET,
  profiles: ACCOUNT_PROFILES,
  aliasFields: ACCOUNT_ALIAS_FIELDS,
  defaultFields: ACCOUNT_DEFAULT_FIELDS,
  lists: { segment: SEGMENT_LIST, lifecycle_phase: LIFECYCLE_LIST, region: REGION_LIST },
};

const CONTACT_RULES: KindRules<ContactField> = {
  fields: CONTACT_FIELD_SET,
  profiles: CONTACT_PROFILES,
  aliasFields: CONTACT_ALIAS_FIELDS,
  defaultFields: CONTACT_DEFAULT_FIELDS,
  lists: { role: ROLE_LIST },
};

const rulesOf = (kind: RecordKind): KindRules<string> =>
  (kind === 'accounts' ? ACCOUNT_RULES : CONTACT_RULES) as KindRules<string>;

/** The profile a format reads with; for `mapped`, the one its mapping describes. */
export function profileOf<F extends string>(
  kind: RecordKind,
  format: RecordFormat,
  options: RecordImportOptions,
): FormatProfile<F> {
  const rules = rulesOf(kind);
  return (
    format === 'mapped' ? mappedProfile(options.mapping ?? {}, rules.fields) : rules.profiles[format]
  ) as FormatProfile<F>;
}

/** The user's column overrides, for formats that have their own columns. */
export const overridesOf = <F extends string>(
  format: RecordFormat,
  options: RecordImportOptions,
): ColumnOverrides<F> | undefined =>
  format === 'mapped' ? undefined : (options.columns as ColumnOverrides<F> | undefined);

/** Which option a problem is about: the CLI names its flag, the API its query parameter. */
export type OptionName = 'format' | 'mapping' | 'columns' | 'aliases' | 'defaults' | 'dateOrder';

export interface OptionProblem {
  option: OptionName;
  message: string;
}

/** Problems with the options themselves, found before any row is read. */
export function optionProblems(kind: RecordKind, format: string, options: RecordImportOptions): OptionProblem[] {
  if (!isRecordFormat(format))
    return [{ option: 'format', message: `unknown format "${format}" (${RECORD_FORMATS.join(', ')})` }];
  const rules = rulesOf(kind);
  const problems: OptionProblem[] = [];
  const add = (option: OptionName, messages: string[]) =>
    problems.push(...messages.map((message) => ({ option, message })));
  if (format === 'mapped') {
    add('mapping', mappingProblems(options.mapping ?? {}, rules.fields));
    if (options.columns && Object.keys(options.columns).length)
      add('columns', ['column overrides are for a named format; with "mapped", put every column in the mapping']);
  } else {
    if (options.mapping !== undefined)
      add('mapping', [
        `a column mapping is for the "mapped" format; use column overrides to change ${format}'s columns`,
      ]);
    add('columns', overrideProblems(options.columns ?? {}, rules.fields));
  }
  for (const [field, aliases] of Object.entries(options.aliases ?? {})) {
    if (!rules.aliasFields.includes(field)) {
      add('aliases', [`"${field}" takes no aliases (${rules.aliasFields.join(', ')} do)`]);
      continue;
    }
    const list = rules.lists[field];
    add('aliases', list ? list.aliasProblems(field, aliases) : countryAliasProblems(aliases));
  }
  for (const [field, value] of Object.entries(options.defaults ?? {})) {
    const list = rules.lists[field];
    if (!rules.defaultFields.includes(field) || !list)
      add('defaults', [`"${field}" takes no default (${rules.defaultFields.join(', ')} do)`]);
    else if (!list.isValue(value))
      add('defaults', [`${field}: "${value}" is not a ${list.label} (${list.values.join(', ')})`]);
  }
  if (options.dateOrder !== undefined && !DATE_ORDERS.includes(options.dateOrder)) {
    add('dateOrder', [`"${options.dateOrder}" is not one of ${DATE_ORDERS.join(', ')}`]);
  }
  return problems;
}

/** Problems with a file's header: a required field with no column, a named column that is absent. New accounts need no segment. */
export function fileHeaderProblems(
  kind: RecordKind,
  format: RecordFormat,
  headers: readonly string[],
  options: RecordImportOptions,
): string[] {
  const rules = rulesOf(kind);
  const profile = profileOf<string>(kind, format, options);
  const overrides = overridesOf<string>(format, options);
  const named: [string, string][] =
    format === 'mapped'
      ? mappingPairs(options.mapping ?? {})
      : Object.entries(options.columns ?? {}).map(([field, column]): [string, string] => [column, field]);
  return headerProblems(profile, overrides, rules.fields, headers, named);
}

/** Throws one validation error listing every problem, each under its option's name (`querystring.mapping`, `--map` …). */
export function assertOptions(problems: readonly OptionProblem[], nameOf: (option: OptionName) => string): void {
  if (problems.length === 0) return;
  const fieldErrors: FieldError[] = problems.map((p) => ({ field: nameOf(p.option), message: p.message }));
  throw new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors });
}

/** Throws one validation error listing every problem with the file's header. */
export function assertHeader(problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new AppError('validation', `file header: ${problems.join('; ')}`, {
    fieldErrors: problems.map((message) => ({ field: 'file', message })),
  });
}
