import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../errors/app-error.ts';

/** One data row: its number (1 = the first row under the header) and its values by header name. */
export interface CsvRow {
  row: number;
  values: Record<string, string>;
}

/** A row that could not be read (unclosed quote, wrong number of fields …); row 0 is the header line. */
export interface CsvRowError {
  row: number;
  error: string;
}

export type CsvItem = CsvRow | CsvRowError;

export interface ReadCsvOptions {
  /** Field separator; `,` unless told (`;` for some European Excel exports). */
  delimiter?: string;
  /** A row longer than this many characters (a quote never closed, usually) stops the reading. */
  maxRowChars?: number;
}

/** A one-pass CSV reader: iterate it once; `headers()` may be awaited before or during the iteration. */
export interface CsvReader extends AsyncIterable<CsvItem> {
  /** The header names, trimmed and made unique; `[]` for an empty file. Rejects when the file cannot be read. */
  headers(): Promise<string[]>;
  /** Releases the file when the rows will not be read to the end. */
  close(): Promise<void>;
}

type CsvEvent = CsvItem | { headers: string[] };

const DEFAULT_MAX_ROW_CHARS = 1_000_000;

const isBlank = (record: readonly string[]): boolean => record.every((v) => v.trim() === '');

/** Lines a record spans: one, plus the line breaks kept inside its quoted fields. */
function lineSpan(record: readonly string[]): number {
  let lines = 1;
  for (const field of record) {
    if (field.includes('\n') || field.includes('\r')) lines += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return lines;
}

function headerNames(record: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return record.map((raw, i) => {
    const name = raw.trim() || `column ${i + 1}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Values by header name; trailing empty fields beyond the header (a trailing comma) are tolerated. */
function rowItem(row: number, headers: readonly string[], record: readonly string[], line: number): CsvItem {
  if (record.length < headers.length || !isBlank(record.slice(headers.length))) {
    return { row, error: `line ${line}: ${record.length} fields where the header has ${headers.length}` };
  }
  // PostgreSQL cannot store a NUL character, and no CRM writes one: the line is binary, not text.
  if (record.some((v) => v.includes('\u0000')))
    return { row, error: `line ${line}: holds a NUL character (binary data, not CSV text)` };
  // Headers are the file's (`__proto__`, `constructor` …): an object without a prototype holds them, and a column
  // the file lacks reads as absent whatever its name.
  const values: Record<string, string> = Object.create(null);
  for (let i = 0; i < headers.length; i++) values[headers[i] as string] = record[i] ?? '';
  return { row, values };
}

function skipMessage(error: CsvError, line: number, maxRowChars: number): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `line ${line}: a quote opened in this row is never closed, so the rest of the file could not be read`;
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return `line ${line}: the row is longer than ${maxRowChars} characters (a quote never closed?); reading stopped here`;
  }
  return `line ${line}: ${error.message}`;
}

async function* readEvents(input: Readable | string, options: ReadCsvOptions): AsyncGenerator<CsvEvent> {
  const source = typeof input === 'string' ? createReadStream(input) : input;
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  const skips: CsvError[] = [];
  let sourceError: unknown;
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: maxRowChars,
    on_skip: (error) => void (error && skips.push(error)),
  });
  source.on('error', (error: Error) => {
    sourceError = error;
    parser.destroy(error);
  });
  source.pipe(parser);
  let headers: string[] | undefined;
  let row = 0;
  let nextLine = 1;
  let records = 0;
  /** Skipped records that came before record number `before`, in file order; stops at a fatal one. */
  function* skipped(before: number): Generator<CsvRowError & { fatal: boolean }> {
    while (skips.length > 0 && Number(skips[0]?.records ?? 0) < before) {
      const error = skips.shift() as CsvError;
      const line = nextLine;
      nextLine = Math.max(nextLine, Number(error.lines ?? line) + 1);
      const fatal = error.code === 'CSV_MAX_RECORD_SIZE';
      yield { row: headers ? ++row : 0, error: skipMessage(error, line, maxRowChars), fatal };
      if (fatal) return;
    }
  }
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      records += 1;
      for (const { fatal, ...item } of skips.length ? skipped(records) : []) {
        yield item;
        if (fatal) return;
      }
      const line = nextLine;
      nextLine += lineSpan(record);
      if (headers === undefined) {
        if (!isBlank(record)) yield { headers: (headers = headerNames(record)) };
        continue;
      }
      row += 1;
      if (!isBlank(record)) yield rowItem(row, headers, record, line);
    }
    for (const { fatal: _, ...item } of skipped(Number.POSITIVE_INFINITY)) yield item;
  } catch (error) {
    if (sourceError !== undefined || !(error instanceof CsvError)) throw unreadable(input, sourceError ?? error);
    yield { row: headers ? row + 1 : 0, error: `line ${nextLine}: ${error.message}; reading stopped here` };
  } finally {
    source.unpipe(parser);
    if (typeof input === 'string') source.destroy();
    parser.destroy();
  }
}

function unreadable(input: Readable | string, cause: unknown): AppError {
  // A stream that stops on purpose (an upload over its size limit) keeps its own error.
  if (cause instanceof AppError) return cause;
  const what = typeof input === 'string' ? input : 'the CSV stream';
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError('validation', `cannot read ${what}: ${reason}`, { cause });
}

class StreamingCsvReader implements CsvReader {
  readonly #events: AsyncGenerator<CsvEvent>;
  readonly #early: CsvItem[] = [];
  #headers: Promise<string[]> | undefined;
  #iterated = false;

  constructor(input: Readable | string, options: ReadCsvOptions) {
    this.#events = readEvents(input, options);
  }

  headers(): Promise<string[]> {
    this.#headers ??= this.#readHeader();
    return this.#headers;
  }

  async close(): Promise<void> {
    await this.#events.return(undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CsvItem> {
    if (this.#iterated) throw new Error('a CSV reader reads its input once');
    this.#iterated = true;
    await this.headers();
    yield* this.#early.splice(0);
    for await (const event of this.#events) {
      if (!('headers' in event)) yield event;
    }
  }

  async #readHeader(): Promise<string[]> {
    for (;;) {
      const next = await this.#events.next();
      if (next.done) return [];
      if ('headers' in next.value) return next.value.headers;
      this.#early.push(next.value);
    }
  }
}

/**
 * Streams a CSV file (a path) or stream row by row in constant memory. Strips a UTF-8 BOM, accepts CRLF, LF
 * and CR, quoted fields with line breaks, and trims header names. Blank lines are counted as rows but not
 * yielded, so row numbers match a spreadsheet's (row N is spreadsheet line N + 1). A malformed row becomes
 * `{ row, error }` and reading goes on; only an unreadable file throws (an `AppError`).
 */
export function readCsv(input: Readable | string, options: ReadCsvOptions = {}): CsvReader {
  return new StreamingCsvReader(input, options);
}
