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
  | { row: number; ok: true; record: R }
  | { row: number; ok: false; errors: RowError[]; skipped?: boolean };

/** What applying one batch of records did; rows it refuses come back as errors. */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}
