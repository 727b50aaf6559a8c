import type { Readable } from 'node:stream';
import { type CsvReader, readCsv } from './csv/csv-reader.ts';
import { describeDateOrder, scanDateOrder } from './csv/date-order.ts';
import { AppError } from '../errors/app-error.ts';
import type { ImportPlan, ImportRequest, OptionNamer } from './importer.ts';
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

/** How one kind reads a file's header: its formats, the one a header reads like, and the plan of a format. */
export interface HeaderReading {
  formats: readonly string[];
  detect(headers: readonly string[]): string | null | undefined;
  plan(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan;
}

/**
 * Settles what a file is before its rows are read: its format (the one asked for, `mapped` with a mapping, or the
 * one its header reads like, else refused naming the option), a header the format can read (else refused naming
 * each problem, as `file`), and its date order (asked for, or read from the dates themselves, with a note).
 */
export async function settleCsvFile(
  input: CsvInput,
  headers: readonly string[],
  reading: HeaderReading,
  request: ImportRequest,
  name: OptionNamer,
  notes: string[],
): Promise<{ format: string; dateOrder: DateOrder | undefined }> {
  const format = request.format ?? (request.mapping ? 'mapped' : reading.detect(headers)) ?? '';
  if (!format) throw unknownFormat(headers, reading.formats, name('format'));
  const planned = reading.plan(format, headers, request, name);
  if (planned.headerProblems.length)
    throw new AppError('validation', `file header: ${planned.headerProblems.join('; ')}`, {
      fieldErrors: planned.headerProblems.map((message) => ({ field: 'file', message })),
    });
  return { format, dateOrder: await settleDateOrder(input, request.dateOrder, notes, name('dateOrder')) };
}
