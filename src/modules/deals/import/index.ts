/**
 * Deal import: tell a CRM export's format (`detectFormat`) and map each row the platform's reader gives
 * (`readCsv`) to a `DealRecord` (`mapRows`). Pure; the importer reads the file and stores what comes out.
 */
import { mapDeal } from './deal-builder.ts';
import type { CsvItem } from '../../../platform/imports/csv/csv-reader.ts';
import type { ImportFormat } from './formats.ts';
import type { MappedRow, RowMapper } from './mapper-types.ts';
import { assertNoProblems, headerProblems, type ImportOptions, optionProblems, profileFor } from './options.ts';

export { DEAL_FIELDS, detectFormat, IMPORT_FORMATS } from './formats.ts';
export type { DealField, DealFieldDoc, DetectedFormat, ImportFormat } from './formats.ts';
export { readHubspotPipelines, readHubspotStages } from './hubspot-stages.ts';
export type { HubspotPipeline, HubspotStage } from './hubspot-stages.ts';
export { isSkipped } from './mapper-types.ts';
export type { MappedRow, MapperOptions, RowMapper, SkippedRow } from './mapper-types.ts';
export type { ColumnMapping } from './mapped.mapper.ts';
export { headerProblems, optionProblems } from './options.ts';
export type { ImportOptions } from './options.ts';

/** Where a problem with a whole CSV line (not one field) is reported in `RowError.field`. */
export const CSV_FIELD = 'csv';

/**
 * The row mapper for a format with its options bound. Throws a validation `AppError` listing every problem
 * with the options (unknown target fields, a required field left unmapped, conflicting aliases …).
 */
export function mapperFor(format: ImportFormat, options: ImportOptions = {}): RowMapper {
  assertNoProblems('import options', optionProblems(format, options));
  const profile = profileFor(format, options);
  return (values, row) => mapDeal(values, row, profile, options);
}

/**
 * Maps the reader's rows one by one (streaming). Before the first row it checks the options and the header
 * (from `rows.headers()` when the source has it, else the first row's names) and throws a validation
 * `AppError` if a required field has no column; after that it never throws on content. Unreadable lines come
 * out as errors on the field `csv`.
 */
export function mapRows(
  rows: AsyncIterable<CsvItem> & { headers?: () => Promise<string[]> },
  format: ImportFormat,
  options?: ImportOptions,
): AsyncGenerator<MappedRow & { row: number }>;
/** The same, each mapped row passed through `shape` on the way out (one streaming step instead of two). */
export function mapRows<T>(
  rows: AsyncIterable<CsvItem> & { headers?: () => Promise<string[]> },
  format: ImportFormat,
  options: ImportOptions,
  shape: (mapped: MappedRow & { row: number }) => T,
): AsyncGenerator<T>;
export async function* mapRows<T>(
  rows: AsyncIterable<CsvItem> & { headers?: () => Promise<string[]> },
  format: ImportFormat,
  options: ImportOptions = {},
  shape: (mapped: MappedRow & { row: number }) => T = (mapped) => mapped as T,
): AsyncGenerator<T> {
  const map = mapperFor(format, options);
  let checked = false;
  const check = (headers: readonly string[]): void => {
    assertNoProblems('file header', headerProblems(format, headers, options));
    checked = true;
  };
  if (typeof rows.headers === 'function') check(await rows.headers());
  for await (const item of rows) {
    if ('error' in item) {
      yield shape({ ok: false, errors: [{ row: item.row, field: CSV_FIELD, reason: item.error }], row: item.row });
      continue;
    }
    if (!checked) check(Object.keys(item.values));
    // The mapper's answer is new for every row: number it in place rather than copy it.
    const mapped = map(item.values, item.row) as MappedRow & { row: number };
    mapped.row = item.row;
    yield shape(mapped);
  }
}
