/**
 * The run of a CSV import, shared by the importers whose files have a profile (a known format or `--map`): open the
 * file, settle its format, header and date order, map its rows as they stream in, write them in batches, and report
 * with the notes the run gathered. What differs per kind is what it does once the file is settled.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ImportResult } from './import-run.ts';
import { type ImportOptions, runImport } from './import.service.ts';
import type { ImportCall } from './importer.ts';
import { mapCsvRows, type RowResult, skipNotes } from './map-rows.ts';
import { type HeaderReading, openCsv, settleCsvFile } from './source.ts';
import type { DateOrder } from './values/dates.ts';

/** What is known of a file once it is settled, before its rows are read. */
export interface SettledCsv {
  format: string;
  dateOrder: DateOrder | undefined;
  headers: readonly string[];
}

/** How one kind reads a settled file into records and writes a batch of them. */
export interface CsvRowPlan<R> {
  map: (values: Record<string, string>, row: number) => RowResult<R>;
  applyBatch: ImportOptions<R>['applyBatch'];
}

export interface CsvImportSpec<R> {
  /** The import run's kind, as the history and the report name it. */
  kind: string;
  reading: HeaderReading;
  /** The audit entry's action (`subscription.import`). */
  auditAction: string;
  /** Once the file is settled: how its rows become records and how a batch is written. */
  prepare(settled: SettledCsv): Promise<CsvRowPlan<R>>;
  /**
   * The report's notes from what the file and the run showed: `file` (format and date order read from the file)
   * and `skipped` (one per reason rows were skipped) in that order unless the kind places its own between them.
   */
  notes?(common: { file: readonly string[]; skipped: readonly string[] }): readonly string[];
}

/** Runs one CSV import of `spec`'s kind; the reader is closed whatever happens. */
export async function runCsvImport<R>(
  db: Kysely<Database>,
  call: ImportCall,
  spec: CsvImportSpec<R>,
): Promise<ImportResult> {
  const { request, name } = call;
  const file: string[] = [];
  const skips = new Map<string, number>();
  const notes = () => {
    const common = { file, skipped: skipNotes(skips) };
    return spec.notes ? [...spec.notes(common)] : [...common.file, ...common.skipped];
  };
  const { reader, headers } = await openCsv(call.input);
  try {
    const settled = await settleCsvFile(call.input, headers, spec.reading, request, name, file);
    const rows = await spec.prepare({ ...settled, headers });
    const report = await runImport(db, {
      workspaceId: call.workspaceId,
      kind: spec.kind,
      format: settled.format,
      fileName: call.fileName,
      actor: call.actor,
      dryRun: call.dryRun,
      runId: call.runId,
      rows: mapCsvRows(reader, rows.map, skips),
      applyBatch: rows.applyBatch,
      onProgress: call.onProgress,
      notes,
      audit: { action: spec.auditAction },
    });
    return { ...report, kind: spec.kind, format: settled.format, dryRun: Boolean(call.dryRun), notes: notes() };
  } finally {
    await reader.close().catch(() => {});
  }
}
