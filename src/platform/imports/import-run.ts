/** Row-level import reports: what every import (CLI, web upload, API) answers with. */

export interface RowError {
  /** 1 = the first data row of the file. */
  row: number;
  field: string;
  reason: string;
}

export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows left out on purpose (deleted in the source), not errors. */
  skipped: number;
  errors: RowError[];
  /** More errors happened than the report keeps. */
  errorsTruncated: boolean;
}

/** An import keeps this many row errors; past that it only counts them. */
export const MAX_REPORTED_ERRORS = 10_000;

export const emptyReport = (): ImportReport => ({
  read: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  skipped: 0,
  errors: [],
  errorsTruncated: false,
});

export function addErrors(report: ImportReport, errors: RowError[]): void {
  for (const e of errors) {
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(e);
    else report.errorsTruncated = true;
  }
}

/** A mapped row: a record to apply, a rejection with its errors, or a row skipped with a reason. */
export type MappedRow<R> =
  { row: number; ok: true; record: R } | { row: number; ok: false; errors: RowError[]; skipped?: boolean };

/** What applying one batch of records did; rows it refuses come back as errors. */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

/** An import kind's name (`deals`, `time-entries` …): each is declared by its module's importer, none here. */
export type ImportKind = string;

export const IMPORT_RUN_STATUSES = ['running', 'succeeded', 'failed', 'interrupted'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** A running import shows it is alive this often (and at every batch). */
export const HEARTBEAT_MS = 30_000;
/** A run not heard from for this long stopped with its process: it is reported interrupted. */
export const INTERRUPTED_AFTER_MS = 5 * 60_000;

/**
 * What a run's row says of it at `now`. A process that stops mid-run (a crash, a killed CLI, a restart) leaves its
 * row `running`; once its heartbeat is old the run is reported interrupted. What it committed stays, and running the
 * import again is idempotent.
 */
export function runStatus(
  row: { status: string; started_at: string; heartbeat_at: string | null },
  now: number,
): ImportRunStatus {
  if (row.status === 'running') {
    const alive = Date.parse(row.heartbeat_at ?? row.started_at);
    return now - alive > INTERRUPTED_AFTER_MS ? 'interrupted' : 'running';
  }
  return (IMPORT_RUN_STATUSES as readonly string[]).includes(row.status) ? (row.status as ImportRunStatus) : 'failed';
}

/** An import run as the API shows it: while it runs, its counts grow as batches commit. */
export interface ImportRunView {
  id: string;
  kind: string;
  format: string;
  fileName: string | null;
  status: ImportRunStatus;
  dryRun: boolean;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  /** The first 1,000 row errors. */
  errors: RowError[];
  notes: string[];
  actor: string;
  startedAt: string;
  /** When a running import last showed it was alive. */
  heartbeatAt: string | null;
  finishedAt: string | null;
}

/** What an import answers when it is done: its report, and what else the user should know. */
export interface ImportResult extends ImportReport {
  runId: string;
  kind: ImportKind;
  format: string;
  dryRun: boolean;
  notes: string[];
  /** The kind's own figures besides the counts (a pipelines import: each pipeline and the deals it moved). */
  details?: Record<string, unknown>;
}

/** An import kind as the API lists it (`GET /api/v1/imports/kinds`): what it reads and takes, and who may run it. */
export interface ImportKindView {
  kind: ImportKind;
  label: string;
  description: string;
  /** The permission an import of it needs. */
  access: string;
  /** What the file may be sent as. */
  mediaTypes: string[];
  /** Whether the import page can preview a file of it (the format, the columns, the first rows). */
  preview: boolean;
  /** The common options it reads (format, mapping, columns, aliases, defaults, dateOrder, decimal, currency). */
  takes: string[];
  formats: string[];
  fields: ImportFieldDoc[];
  aliasFields: string[];
  defaultFields: string[];
  /** Its own options, with the value taken when left out. */
  options: Array<{ name: string; description: string; default: string | null }>;
  /** Further files it reads (only the command line sends those). */
  files: Array<{ name: string; description: string }>;
  /** The kind its runs are listed under in the history. */
  runKind: ImportKind;
}

/** One documented field an import can fill. */
export interface ImportFieldDoc {
  name: string;
  required: boolean;
  description: string;
}

/** What Baton makes of the first rows of a file, before anything is written. */
export interface ImportPreview {
  kind: ImportKind;
  /** The format used: the one named, else the one the header shows; null when neither. */
  format: string | null;
  detected: boolean;
  formats: string[];
  fields: ImportFieldDoc[];
  /** Fields whose values take aliases, and fields that take a default for new records. */
  aliasFields: string[];
  defaultFields: string[];
  headers: string[];
  /** Which field each column feeds (null: not imported), with the column's first value in the preview rows. */
  mapping: Array<{ column: string; field: string | null; sample: string | null }>;
  /** Problems with the options or the header that would stop the import. */
  problems: string[];
  /** The file's date order: declared, proven by its values, or to be declared. */
  dateOrder: {
    order: 'mdy' | 'dmy' | null;
    status: 'declared' | 'proven' | 'none' | 'ambiguous' | 'conflict';
    message: string;
  };
  /** The first rows as Baton would read them, by field (by column while the format is unknown). */
  rows: Array<{ row: number; values: Record<string, unknown>; errors: RowError[]; skipped: string | null }>;
  /** Largest upload the import accepts, in bytes. */
  maxBytes: number;
}
