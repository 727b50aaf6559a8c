import type { CsvItem } from './csv/csv-reader.ts';
import type { MappedRow, RowError } from './import-run.ts';

/** Where a problem with a whole CSV line (not one field) is reported in `RowError.field`. */
export const CSV_FIELD = 'csv';

/** What a row mapper makes of one row: a record, every problem found, or a deliberate skip with its reason. */
export type RowResult<R> =
  { ok: true; record: R } | { ok: false; errors: RowError[] } | { ok: false; skipped: true; reason: string };

/**
 * Maps a reader's rows one by one (streaming) into the import runner's rows. Unreadable lines become errors
 * on the field `csv`; skip reasons are counted into `skips` for the report's notes. Never throws on content.
 */
export async function* mapCsvRows<R>(
  rows: AsyncIterable<CsvItem>,
  map: (values: Record<string, string>, row: number) => RowResult<R>,
  skips: Map<string, number>,
): AsyncGenerator<MappedRow<R>> {
  for await (const item of rows) {
    if ('error' in item) {
      yield { row: item.row, ok: false, errors: [{ row: item.row, field: CSV_FIELD, reason: item.error }] };
      continue;
    }
    const result = map(item.values, item.row);
    if (result.ok) yield { row: item.row, ok: true, record: result.record };
    else if ('skipped' in result) {
      skips.set(result.reason, (skips.get(result.reason) ?? 0) + 1);
      yield { row: item.row, ok: false, skipped: true, errors: [] };
    } else yield { row: item.row, ok: false, errors: result.errors };
  }
}

/** Notes about deliberately skipped rows, one per reason. */
export const skipNotes = (skips: Map<string, number>): string[] =>
  [...skips].map(([reason, n]) => `${n} row${n === 1 ? '' : 's'} skipped: ${reason}`);
