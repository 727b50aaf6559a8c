import type { Readable } from 'node:stream';
import { type CsvReader, readCsv } from './csv/csv-reader.ts';
import { describeDateOrder, scanDateOrder } from './csv/date-order.ts';
import { AppError } from '../errors/app-error.ts';
import type { DateOrder } from './values/dates.ts';

/**
 * Where an import reads its CSV: a file the importer may open again for a second pass (the CLI), or an upload
 * it reads exactly once as it streams in (`once`).
 */
export interface CsvInput {
  open(): Readable | string;
  once?: boolean;
}

/** The import's reader with its header read, ready to iterate the rows. */
export async function openCsv(input: CsvInput): Promise<{ reader: CsvReader; headers: string[] }> {
  const reader = readCsv(input.open());
  try {
    return { reader, headers: await reader.headers() };
  } catch (error) {
    await reader.close().catch(() => {});
    throw error;
  }
}

/** A validation error saying the format could not be told from the header (or that there is none), with the formats to choose from. */
export function unknownFormat(headers: readonly string[], formats: readonly string[], field = 'format'): AppError {
  if (headers.length === 0)
    return AppError.validation(
      'file',
      'no header line could be read: the file is empty or its first line is malformed',
    );
  const shown = headers.slice(0, 6).join(', ');
  return AppError.validation(
    field,
    `could not tell which CRM wrote this file from its header (${shown}${headers.length > 6 ? '…' : ''}): name the format (${formats.join(', ')}) or map its columns`,
  );
}

/**
 * The date order of year-last dates (`03/04/24`): the declared one, else the one the file proves in a second
 * pass (said in `notes`). An ambiguous or mixed file is refused, asking for the order. An upload read once
 * cannot be scanned: without a declared order its year-last dates are row errors that say so.
 */
export async function settleDateOrder(
  input: CsvInput,
  declared: DateOrder | undefined,
  notes: string[],
  field = 'dateOrder',
): Promise<DateOrder | undefined> {
  if (declared || input.once) return declared;
  const evidence = await scanDateOrder(readCsv(input.open()));
  if (evidence.kind === 'proven') {
    notes.push(describeDateOrder(evidence));
    return evidence.order;
  }
  if (evidence.kind === 'none') return undefined;
  throw AppError.validation(field, describeDateOrder(evidence));
}
