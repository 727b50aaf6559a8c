import type { Readable } from 'node:stream';
import { type CsvItem, readCsv } from './csv/csv-reader.ts';
import { DateOrderScan, describeDateOrder } from './csv/date-order.ts';
import type { ImportPreview } from './import-run.ts';
import type { Importer, ImportPlan, ImportRequest, OptionNamer } from './importer.ts';
import { CSV_FIELD } from './map-rows.ts';

/** A kind that tells no formats apart reads every file with its one format. */
const defaultFormat = (importer: Importer) => () => importer.formats[0];

/** How many rows a preview shows. */
export const PREVIEW_ROWS = 20;

function dateOrderOf(request: ImportRequest, scan: DateOrderScan): ImportPreview['dateOrder'] {
  if (request.dateOrder)
    return {
      order: request.dateOrder,
      status: 'declared',
      message: `dates read as ${request.dateOrder === 'mdy' ? 'month/day/year' : 'day/month/year'}, as declared`,
    };
  const evidence = scan.result();
  const message = describeDateOrder(evidence);
  return evidence.kind === 'proven'
    ? { order: evidence.order, status: 'proven', message }
    : { order: null, status: evidence.kind, message };
}

function rowsOf(plan: ImportPlan, items: CsvItem[]): ImportPreview['rows'] {
  return items.map((item) => {
    if ('error' in item)
      return {
        row: item.row,
        values: {},
        errors: [{ row: item.row, field: CSV_FIELD, reason: item.error }],
        skipped: null,
      };
    const result = plan.map(item.values, item.row);
    if (result.ok) return { row: item.row, values: plan.view(result.record), errors: [], skipped: null };
    // A rejected or skipped row shows its cells as written, under the field each column feeds.
    const values: Record<string, unknown> = {};
    for (const { column, field } of plan.mapping)
      if (field && !(field in values)) values[field] = item.values[column] ?? null;
    return 'skipped' in result
      ? { row: item.row, values, errors: [], skipped: result.reason }
      : { row: item.row, values, errors: result.errors, skipped: null };
  });
}

/**
 * What Baton would make of a file's first rows, writing nothing: the format (named or detected), which
 * column feeds which field, problems that would stop the import, the date order the file proves, and the
 * first 20 rows as they would be stored or rejected. The rest of the upload is read only for date evidence.
 * Bad options are refused (a validation error naming each); a file Baton cannot place is answered with its
 * header and the problem, so the user can map it.
 */
export async function previewImport(
  importer: Importer & Pick<Required<Importer>, 'plan'>,
  body: Readable,
  request: ImportRequest,
  name: OptionNamer,
  maxBytes: number,
): Promise<ImportPreview> {
  const reader = readCsv(body);
  const headers = await reader.headers();
  const format = request.format ?? (request.mapping ? 'mapped' : (importer.detect ?? defaultFormat(importer))(headers));
  const base = {
    kind: importer.kind,
    formats: [...importer.formats],
    fields: [...importer.fields],
    aliasFields: [...importer.aliasFields],
    defaultFields: [...importer.defaultFields],
    headers,
    maxBytes,
  };
  let plan = format ? importer.plan(format, headers, request, name) : undefined;
  const scan = new DateOrderScan();
  const first: CsvItem[] = [];
  for await (const item of reader) {
    if (first.length < PREVIEW_ROWS) first.push(item);
    if ('values' in item)
      for (const [column, value] of Object.entries(item.values)) scan.add({ row: item.row, column, value });
  }
  const dateOrder = dateOrderOf(request, scan);
  const sampleOf = (column: string): string | null => {
    for (const item of first) if ('values' in item && item.values[column]?.trim()) return item.values[column] ?? null;
    return null;
  };
  const withSamples = (mapping: Array<{ column: string; field: string | null }>) =>
    mapping.map((m) => ({ ...m, sample: sampleOf(m.column) }));
  if (!format || !plan) {
    const problem = headers.length
      ? `could not tell which CRM wrote this file from its header: choose a format (${importer.formats.join(', ')}) or map its columns`
      : 'no header line could be read: the file is empty or its first line is malformed';
    const rows = first.map((item) => ({
      row: item.row,
      values: 'values' in item ? { ...item.values } : {},
      errors: 'error' in item ? [{ row: item.row, field: CSV_FIELD, reason: item.error }] : [],
      skipped: null,
    }));
    return {
      ...base,
      format: null,
      detected: false,
      mapping: withSamples(headers.map((column) => ({ column, field: null }))),
      problems: [problem],
      dateOrder,
      rows,
    };
  }
  if (dateOrder.status === 'proven' && dateOrder.order)
    plan = importer.plan(format, headers, { ...request, dateOrder: dateOrder.order }, name);
  return {
    ...base,
    format,
    detected: !request.format && !request.mapping,
    mapping: withSamples(plan.mapping),
    problems: plan.headerProblems,
    dateOrder,
    rows: rowsOf(plan, first),
  };
}
