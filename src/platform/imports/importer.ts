import type { ColumnMapping } from './profile.ts';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/principal.ts';
import type { Database } from '../db/schema.ts';
import type { ImportFieldDoc, ImportKind, ImportReport, ImportResult, RowError } from './import-run.ts';
import type { RowResult } from './map-rows.ts';
import type { CsvInput } from './source.ts';
import type { DateOrder } from './values/dates.ts';

/** What a user tells an import besides the file, in the one shape the CLI, the API and the web page share. */
export interface ImportRequest {
  /** Named format; detected from the header when left out (`mapped` when a mapping is given). */
  format?: string;
  /** Column → field, for the `mapped` format. */
  /** Column → field, or fields (a column may feed several). */
  mapping?: ColumnMapping;
  /** Field → column, replacing a named format's own column for that field. */
  columns?: Record<string, string>;
  /** Per field, spelling → canonical value. */
  aliases?: Record<string, Record<string, string>>;
  /** Per field, the value new records take when their row names none. */
  defaults?: Record<string, string>;
  dateOrder?: DateOrder;
  /** Deals: decimal separator of amounts and the currency of rows that name none. */
  decimal?: '.' | ',';
  currency?: string;
}

/** Names a problem's option the way the caller's user knows it: `querystring.mapping`, `--map` … */
export type OptionNamer = (
  option: 'format' | 'mapping' | 'columns' | 'aliases' | 'defaults' | 'dateOrder' | 'decimal' | 'currency',
) => string;

/** How to read one file of a kind, once the format is settled: the checks, the columns, the row mapper. */
export interface ImportPlan {
  format: string;
  /** Problems with the header that would stop the import (none: it may run). */
  headerProblems: string[];
  mapping: Array<{ column: string; field: string | null }>;
  map: (values: Record<string, string>, row: number) => RowResult<unknown>;
  /** A mapped record by documented field name, for the preview. */
  view: (record: unknown) => Record<string, unknown>;
}

/** One kind of record the import page and API can import (deals, accounts, contacts). */
export interface Importer {
  kind: ImportKind;
  formats: readonly string[];
  fields: readonly ImportFieldDoc[];
  aliasFields: readonly string[];
  defaultFields: readonly string[];
  detect(headers: readonly string[]): string | undefined;
  /** Checks the request (throws a validation error naming each option at fault) and plans the reading of a header. */
  plan(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan;
  run(
    db: Kysely<Database>,
    input: {
      workspaceId: string;
      actor: Actor;
      input: CsvInput;
      fileName: string | null;
      request: ImportRequest;
      dryRun?: boolean;
      runId?: string;
      name: OptionNamer;
      onProgress?: (report: ImportReport) => void;
    },
  ): Promise<ImportResult>;
}

export type { RowError };
