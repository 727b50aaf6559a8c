import type { RowResult } from '../deal.ts';
import type { AliasConfig } from './aliases.ts';
import type { DecimalSeparator } from './amounts.ts';
import type { DateOrder } from '../../../platform/imports/values/dates.ts';
import type { DealField } from './formats.ts';

/** How to read one file's values; every option is something the user declares, never something guessed. */
export interface MapperOptions {
  /** Order of year-last dates such as `03/04/24`; without it such dates are row errors. */
  dateOrder?: DateOrder;
  /** Decimal separator of amounts; without it amounts read with a point and ambiguous ones are errors. */
  decimal?: DecimalSeparator;
  /** Currency for rows whose file gives none (ISO 4217). */
  defaultCurrency?: string;
  /** Canonical spellings for picklist values (products, stages …), matched case-insensitively. */
  aliases?: AliasConfig;
  /** Columns that replace a format's own for some fields, e.g. `{ product: 'Product__c' }`. */
  columns?: Partial<Record<DealField, string>>;
}

/** A row the source marks as deleted (or a superseded warehouse version): left out on purpose, not an error. */
export interface SkippedRow {
  ok: false;
  skipped: true;
  reason: string;
}

/** What a mapper makes of one row: a deal, errors naming the fields, or a deliberate skip. */
export type MappedRow = RowResult | SkippedRow;

export type RowMapper = (values: Record<string, string>, row: number) => MappedRow;

export const isSkipped = (result: MappedRow): result is SkippedRow => 'skipped' in result;
