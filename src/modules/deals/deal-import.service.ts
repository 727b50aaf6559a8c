import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ImportReport, MappedRow as ImportRow } from '../../platform/imports/import-run.ts';
import { mayHoldYearLastDates } from '../../platform/imports/csv/date-order-prefilter.ts';
import { runImport } from '../../platform/imports/import.service.ts';
import { skipNotes } from '../../platform/imports/map-rows.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import type { DealRecord } from './deal.ts';
import { applyDealBatch, loadStageMap } from './deal.service.ts';
import { guardSetting } from './deal.settings.ts';
import { type CsvReader, readCsv } from '../../platform/imports/csv/csv-reader.ts';
import { describeDateOrder, scanDateOrder } from '../../platform/imports/csv/date-order.ts';
import {
  detectFormat,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportOptions,
  isSkipped,
  type MappedRow,
  mapRows,
} from './import/index.ts';

/** Opens the file again for each pass (format and date-order checks read it before the import does). */
export type CsvSource = () => Readable | string;

export interface DealImportResult extends ImportReport {
  runId: string;
  format: ImportFormat;
  dryRun: boolean;
  /** What the user should know that is not a row error: inferred date order, unmapped stages, skip reasons. */
  notes: string[];
}

async function chooseFormat(
  reader: CsvReader,
  format: ImportFormat | undefined,
  options: ImportOptions,
): Promise<ImportFormat> {
  if (format) return format;
  if (options.mapping) return 'mapped';
  const headers = await reader.headers();
  const detected = detectFormat(headers);
  if (!detected) {
    throw AppError.validation(
      'format',
      `could not tell which CRM wrote this file from its header (${headers.slice(0, 6).join(', ')}…): name the format (${IMPORT_FORMATS.join(', ')}) or map its columns`,
    );
  }
  return detected;
}

/** Applies a date order the file proves by its own values; asks for one when its dates read both ways. */
async function settleDateOrder(open: CsvSource, options: ImportOptions, notes: string[]): Promise<ImportOptions> {
  if (options.dateOrder) return options;
  // A file with nothing shaped like a year-last date needs no order: skip the full second pass.
  if (!(await mayHoldYearLastDates(open()))) return options;
  const evidence = await scanDateOrder(readCsv(open()));
  if (evidence.kind === 'proven') {
    notes.push(describeDateOrder(evidence));
    return { ...options, dateOrder: evidence.order };
  }
  if (evidence.kind === 'none') return options;
  throw AppError.validation('dateOrder', describeDateOrder(evidence));
}

/** A mapper's row in the shape of the import runner; skip reasons are counted for the report. */
function toImportRow(r: MappedRow & { row: number }, skips: Map<string, number>): ImportRow<DealRecord> {
  if (r.ok) return r;
  if (!isSkipped(r)) return { row: r.row, ok: false, errors: r.errors };
  skips.set(r.reason, (skips.get(r.reason) ?? 0) + 1);
  return { row: r.row, ok: false, skipped: true, errors: [] };
}

/**
 * Imports deals from a CRM export: streams it (constant memory), maps every row, applies batches of 2,000 in
 * their own transactions keyed by source + external id (re-running changes nothing), passes each deal
 * through the closed-won guard, and answers with a row-level report. A dry run writes nothing.
 */
export async function importDeals(
  db: Kysely<Database>,
  input: {
    workspaceId: string;
    actor: Actor;
    open: CsvSource;
    fileName: string | null;
    format?: ImportFormat;
    options?: ImportOptions;
    dryRun?: boolean;
    onProgress?: (report: ImportReport) => void;
    /** The run's id, chosen by the caller (a page polling its progress). */
    runId?: string;
    /** An upload read once as it streams in: the format comes from its header, and no second pass looks for the date order. */
    once?: boolean;
  },
): Promise<DealImportResult> {
  const notes: string[] = [];
  const reader = readCsv(input.open());
  const unmappedStages = new Set<string>();
  const skips = new Map<string, number>();
  let format: ImportFormat;
  let report: ImportReport & { runId: string };
  try {
    format = await chooseFormat(reader, input.format, input.options ?? {});
    const options = input.once ? (input.options ?? {}) : await settleDateOrder(input.open, input.options ?? {}, notes);
    const guard = await readSetting(db, input.workspaceId, guardSetting);
    const stages = await loadStageMap(db, input.workspaceId);
    const rows = mapRows(reader, format, options, (r) => toImportRow(r, skips));
    report = await runImport(db, {
      workspaceId: input.workspaceId,
      kind: 'deals',
      format,
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId: input.runId,
      rows,
      applyBatch: (trx, batch) =>
        applyDealBatch(trx, { workspaceId: input.workspaceId, guard, stages, unmappedStages }, batch),
      onProgress: input.onProgress,
      audit: { action: 'deal.import' },
      notes: () => allNotes(notes, skips, unmappedStages),
    });
  } finally {
    await reader.close().catch(() => {});
  }
  return { ...report, format, dryRun: Boolean(input.dryRun), notes: allNotes(notes, skips, unmappedStages) };
}

/** The notes of a run: those said before the rows, then skip reasons and stages no mapping explains. */
function allNotes(before: readonly string[], skips: Map<string, number>, unmappedStages: Set<string>): string[] {
  const notes = [...before, ...skipNotes(skips)];
  if (unmappedStages.size > 0) {
    const list = [...unmappedStages].slice(0, 10).join('; ');
    notes.push(
      `stages with no mapping were taken as still open: ${list}${unmappedStages.size > 10 ? ' …' : ''} (map them to won or lost in the stage mappings)`,
    );
  }
  return notes;
}
