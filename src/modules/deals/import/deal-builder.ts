import type { DealRecord, RowError } from '../deal.ts';
import { DEAL_FIELD_NAMES, type DealField } from './formats.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import { columnsFor, type FormatProfile } from './profile.ts';
import { type Cell, RowCells } from './row-cells.ts';
import { deletionReason, stageCategory } from './row-flags.ts';
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

const quoted = (columns: readonly string[]): string => columns.map((c) => `"${c}"`).join(' or ');

/** Errors in the order of the documented fields (flag columns first), whatever order they were found in. */
const byFieldOrder = (errors: RowError[]): RowError[] => {
  const rank = (e: RowError) => (DEAL_FIELD_NAMES as readonly string[]).indexOf(e.field);
  return errors.sort((a, b) => rank(a) - rank(b));
};

/** Reads one row's cells into fields, collecting every problem instead of stopping at the first. */
class FieldReader {
  readonly errors: RowError[] = [];
  readonly cells: RowCells;

  constructor(
    values: Record<string, string>,
    readonly row: number,
    readonly profile: FormatProfile,
    readonly options: MapperOptions,
  ) {
    this.cells = new RowCells(values);
  }

  cell(field: DealField): Cell | undefined {
    return this.cells.first(columnsFor(this.profile, this.options, field));
  }

  fail(field: DealField, reason: string): null {
    this.errors.push({ row: this.row, field, reason });
    return null;
  }

  text(field: DealField, alias?: AliasField): string | null {
    const value = cleanText(this.cell(field)?.raw);
    return value === null || alias === undefined ? value : canonicalizer(this.options.aliases?.[alias])(value);
  }

  required(field: DealField, alias?: AliasField): string {
    const cell = this.cell(field);
    const value = this.text(field, alias);
    if (value !== null) return value;
    const columns = columnsFor(this.profile, this.options, field);
    if (cell) this.fail(field, `required, but column "${cell.column}" is empty`);
    else if (columns.length) this.fail(field, `required, but the file has no ${quoted(columns)} column`);
    else this.fail(field, 'required, but no column is mapped to it');
    return '';
  }

  parsed<T>(field: DealField, parse: (raw: string) => Parsed<T | null>): T | null {
    const cell = this.cell(field);
    if (!cell) return null;
    const result = parse(cell.raw);
    return 'value' in result ? result.value : this.fail(field, `column "${cell.column}": ${result.error}`);
  }

  products(): string[] {
    const canonical = canonicalizer(this.options.aliases?.product);
    const cells = this.cells.all(columnsFor(this.profile, this.options, 'product'));
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
  const deleted = deletionReason(read.cells, profile, row, read.errors);
  if (deleted !== undefined) return { ok: false, skipped: true, reason: deleted };
  const date = (raw: string) => parseDate(raw, options.dateOrder);
  const amount = read.parsed('amount', (raw) => parseAmount(raw, options.decimal));
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
  return read.errors.length ? { ok: false, errors: byFieldOrder(read.errors) } : { ok: true, record };
}
