import type { CsvItem } from './csv-reader.ts';
import { DATE_ORDER_LABELS, type DateOrder, dateReadings } from '../values/dates.ts';

/** Where a year-last date was seen. */
export interface DateSample {
  row: number;
  column: string;
  value: string;
}

/**
 * What a file's year-last dates (`02/23/26`) say about their order. `proven`: some date reads only one way
 * and none contradicts it. `none`: the file has no such dates. `ambiguous`: every one reads both ways.
 * `conflict`: some read only as month/day/year and others only as day/month/year.
 */
export type DateOrderEvidence =
  | { kind: 'proven'; order: DateOrder; example: DateSample }
  | { kind: 'none' }
  | { kind: 'ambiguous'; example: DateSample }
  | { kind: 'conflict'; mdy: DateSample; dmy: DateSample };

/** Collects evidence value by value; `result()` may be asked at any time. */
export class DateOrderScan {
  #only: Partial<Record<DateOrder, DateSample>> = {};
  #either: DateSample | undefined;

  add(sample: DateSample): void {
    const readings = dateReadings(sample.value);
    if (!readings) return;
    if (readings.mdy && readings.dmy) this.#either ??= sample;
    else if (readings.mdy) this.#only.mdy ??= sample;
    else if (readings.dmy) this.#only.dmy ??= sample;
  }

  result(): DateOrderEvidence {
    const { mdy, dmy } = this.#only;
    if (mdy && dmy) return { kind: 'conflict', mdy, dmy };
    if (mdy) return { kind: 'proven', order: 'mdy', example: mdy };
    if (dmy) return { kind: 'proven', order: 'dmy', example: dmy };
    return this.#either ? { kind: 'ambiguous', example: this.#either } : { kind: 'none' };
  }
}

/**
 * Reads every value of a CSV (a second pass, constant memory) for proof of its date order. The importer uses
 * it when the user declared none: a proven order is applied and reported; otherwise it asks for `--date-order`.
 */
export async function scanDateOrder(rows: AsyncIterable<CsvItem>): Promise<DateOrderEvidence> {
  const scan = new DateOrderScan();
  for await (const item of rows) {
    if (!('values' in item)) continue;
    for (const [column, value] of Object.entries(item.values)) scan.add({ row: item.row, column, value });
  }
  return scan.result();
}

/** One sentence for the user about the evidence, e.g. for the CLI. */
export function describeDateOrder(evidence: DateOrderEvidence): string {
  const at = (s: DateSample): string => `"${s.value}" (${s.column}, row ${s.row})`;
  switch (evidence.kind) {
    case 'proven':
      return `dates read as ${DATE_ORDER_LABELS[evidence.order]}, as ${at(evidence.example)} shows`;
    case 'none':
      return 'the file has no dates whose order needs declaring';
    case 'ambiguous':
      return `dates such as ${at(evidence.example)} read both ways: declare the date order (mdy or dmy)`;
    case 'conflict':
      return `the file mixes date orders: ${at(evidence.mdy)} is month/day/year, ${at(evidence.dmy)} is day/month/year`;
  }
}
