import type { DealRecord, RowError } from '../deal.ts';
import { DEAL_FIELD_NAMES, type DealField } from './formats.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import { columnsFor, type FormatProfile } from './profile.ts';
import { type Cell, RowCells } from '../../../platform/imports/csv/row-cells.ts';
import { deletionReason } from '../../../platform/imports/profile.ts';
import { parseProbability } from './probability.ts';
import { stageCategory } from './stage-flags.ts';
import {
  type AliasField,
  canonicalizer,
  cleanText,
  parseAmount,
  parseCurrency,
  parseDate,
  type Parsed,
  splitList,
} from './values.ts';
import {
  type ContractTerms,
  normalizeBillingTerms,
  normalizeClauses,
  normalizePricingModel,
  parseDiscount,
  termsRecorded,
} from '../terms/contract-terms.ts';

const quoted = (columns: readonly string[]): string => columns.map((c) => `"${c}"`).join(' or ');

/** Errors in the order of the documented fields (flag columns first), whatever order they were found in. */
const byFieldOrder = (errors: RowError[]): RowError[] => {
  const rank = (e: RowError) => (DEAL_FIELD_NAMES as readonly string[]).indexOf(e.field);
  return errors.sort((a, b) => rank(a) - rank(b));
};

/**
 * Which column each field reads under one header. Every row of a file has the same columns, so a field's
 * column is looked up (case-insensitively, first candidate present) once per header, not once per row.
 */
class HeaderPlan {
  readonly #first = new Map<DealField, string | null>();
  readonly #all = new Map<DealField, readonly string[]>();

  constructor(readonly keys: readonly string[]) {}

  first(field: DealField, reader: FieldReader): string | null {
    let column = this.#first.get(field);
    if (column === undefined) {
      column = reader.cells.first(columnsFor(reader.profile, reader.options, field))?.column ?? null;
      this.#first.set(field, column);
    }
    return column;
  }

  all(field: DealField, reader: FieldReader): readonly string[] {
    let columns = this.#all.get(field);
    if (columns === undefined) {
      columns = reader.cells.all(columnsFor(reader.profile, reader.options, field)).map((c) => c.column);
      this.#all.set(field, columns);
    }
    return columns;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The plan of the last header seen, per options and profile (an import maps every row with the same pair). */
const plans = new WeakMap<MapperOptions, WeakMap<FormatProfile, HeaderPlan>>();

function planFor(values: Record<string, string>, profile: FormatProfile, options: MapperOptions): HeaderPlan {
  const keys = Object.keys(values);
  let byProfile = plans.get(options);
  if (!byProfile) plans.set(options, (byProfile = new WeakMap()));
  const plan = byProfile.get(profile);
  if (plan && sameKeys(plan.keys, keys)) return plan;
  const fresh = new HeaderPlan(keys);
  byProfile.set(profile, fresh);
  return fresh;
}

/** Reads one row's cells into fields, collecting every problem instead of stopping at the first. */
class FieldReader {
  readonly errors: RowError[] = [];
  readonly #plan: HeaderPlan;
  #cells: RowCells | undefined;

  constructor(
    readonly values: Record<string, string>,
    readonly row: number,
    readonly profile: FormatProfile,
    readonly options: MapperOptions,
  ) {
    this.#plan = planFor(values, profile, options);
  }

  get cells(): RowCells {
    this.#cells ??= new RowCells(this.values);
    return this.#cells;
  }

  /** The column a field reads in this file, or null when the header has none of its candidates. */
  column(field: DealField): string | null {
    return this.#plan.first(field, this);
  }

  cell(field: DealField): Cell | undefined {
    const column = this.column(field);
    return column === null ? undefined : { column, raw: this.values[column] ?? '' };
  }

  cellsOf(field: DealField): Cell[] {
    return this.#plan.all(field, this).map((column) => ({ column, raw: this.values[column] ?? '' }));
  }

  fail(field: DealField, reason: string): null {
    this.errors.push({ row: this.row, field, reason });
    return null;
  }

  text(field: DealField, alias?: AliasField, column = this.column(field)): string | null {
    const value = cleanText(column === null ? undefined : (this.values[column] ?? ''));
    const table = alias === undefined ? undefined : this.options.aliases?.[alias];
    return value === null || table === undefined ? value : canonicalizer(table)(value);
  }

  required(field: DealField, alias?: AliasField): string {
    const column = this.column(field);
    const value = this.text(field, alias, column);
    if (value !== null) return value;
    const columns = columnsFor(this.profile, this.options, field);
    if (column !== null) this.fail(field, `required, but column "${column}" is empty`);
    else if (columns.length) this.fail(field, `required, but the file has no ${quoted(columns)} column`);
    else this.fail(field, 'required, but no column is mapped to it');
    return '';
  }

  parsed<T>(field: DealField, parse: (raw: string) => Parsed<T | null>): T | null {
    const column = this.column(field);
    if (column === null) return null;
    const result = parse(this.values[column] ?? '');
    return 'value' in result ? result.value : this.fail(field, `column "${column}": ${result.error}`);
  }

  products(): string[] {
    const cells = this.cellsOf('product');
    if (cells.length === 0) return [];
    const canonical = canonicalizer(this.options.aliases?.product);
    return [...new Set(cells.flatMap((c) => splitList(c.raw)).map(canonical))];
  }

  accountExternalId(): string | null {
    const cell = this.cell('account_external_id');
    const ids = cell ? splitList(cell.raw) : [];
    if (ids.length <= 1) return ids[0] ?? null;
    const reason = `lists several accounts (${ids.join('; ')}); a deal takes one: use the primary company's column`;
    return this.fail('account_external_id', `column "${cell?.column}" ${reason}`);
  }

  currency(amountCurrency: string | null): string | null {
    const stated = this.parsed('currency', parseCurrency);
    if (stated !== null && amountCurrency !== null && stated !== amountCurrency) {
      return this.fail('currency', `${stated} disagrees with the amount, written in ${amountCurrency}`);
    }
    return stated ?? amountCurrency ?? this.options.defaultCurrency?.toUpperCase() ?? null;
  }

  /** Contract terms, normalised; undefined when the row carries none (the record then hashes as before terms existed). */
  terms(dealCurrency: string | null): ContractTerms | undefined {
    const services = this.parsed('services_amount', (raw) => parseAmount(raw, this.options.decimal));
    if (services?.currency && dealCurrency && services.currency !== dealCurrency) {
      this.fail('services_amount', `written in ${services.currency}, but the deal is in ${dealCurrency}`);
    }
    const clauses = this.cell('non_standard_terms');
    const terms: ContractTerms = {
      pricingModel: normalizePricingModel(this.text('pricing_model')),
      billingTerms: normalizeBillingTerms(this.text('billing_terms')),
      discountPct: this.parsed('discount', parseDiscount),
      nonStandardClauses: normalizeClauses(clauses ? splitList(clauses.raw) : []),
      servicesSold: services?.amount ?? null,
    };
    return termsRecorded(terms) || terms.servicesSold !== null ? terms : undefined;
  }
}

/** The date and amount parsers of an import's declared date order and decimal separator, made once per options object. */
const parsers = new WeakMap<
  MapperOptions,
  { date: (raw: string) => Parsed<string | null>; amount: (raw: string) => ReturnType<typeof parseAmount> }
>();
function parsersOf(options: MapperOptions) {
  let known = parsers.get(options);
  if (!known) {
    known = { date: (raw) => parseDate(raw, options.dateOrder), amount: (raw) => parseAmount(raw, options.decimal) };
    parsers.set(options, known);
  }
  return known;
}

/**
 * Maps one CSV row through a format profile. Deleted rows are skipped with the reason; otherwise the result
 * is a deal, or every problem found, each naming the deal field (or the flag column) and the source column.
 */
export function mapDeal(
  values: Record<string, string>,
  row: number,
  profile: FormatProfile,
  options: MapperOptions,
): MappedRow {
  const read = new FieldReader(values, row, profile, options);
  const deleted = profile.deletion?.length ? deletionReason(read.cells, profile, row, read.errors) : undefined;
  if (deleted !== undefined) return { ok: false, skipped: true, reason: deleted };
  const { date, amount: parseAmountOf } = parsersOf(options);
  const amount = read.parsed('amount', parseAmountOf);
  const record: DealRecord = {
    source: profile.source,
    externalId: read.required('external_id'),
    name: read.required('name'),
    accountName: read.text('account'),
    accountExternalId: read.accountExternalId(),
    stage: read.required('stage', 'stage'),
    stageCategory: stageCategory(read.cell('is_won'), read.cell('is_closed'), row, read.errors),
    pipeline: read.text('pipeline', 'pipeline'),
    amount: amount?.amount ?? null,
    currency: read.currency(amount?.currency ?? null),
    closeDate: read.parsed('close_date', date),
    signedDate: read.parsed('signed_date', date),
    createdDate: read.parsed('created_date', date),
    owner: read.text('owner', 'owner'),
    products: read.products(),
    partner: read.text('partner', 'partner'),
  };
  const terms = read.terms(record.currency);
  if (terms) record.terms = terms;
  const probability = read.parsed('probability', (raw) => parseProbability(raw, profile.probabilityScale));
  if (probability !== null) record.probability = probability;
  return read.errors.length ? { ok: false, errors: byFieldOrder(read.errors) } : { ok: true, record };
}
