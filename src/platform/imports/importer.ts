/**
 * The one face of an import kind. A module declares its kinds in its manifest (`importers`); the CLI's
 * `baton import <kind>`, the upload routes (`/api/v1/imports/{kind}`) and the import page all run them through
 * `importFile`, so a file gives the same report, notes, run record and audit entry whichever way it came in.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/principal.ts';
import type { Permission } from '../auth/permissions.ts';
import type { Database } from '../db/schema.ts';
import type { ImportFieldDoc, ImportKind, ImportReport, ImportResult, RowError } from './import-run.ts';
import type { RowResult } from './map-rows.ts';
import type { ColumnMapping } from './profile.ts';
import type { CsvInput } from './source.ts';
import type { DateOrder } from './values/dates.ts';

/** The options any kind may read, as the API names them; an importer says which it reads (`takes`). */
export const COMMON_OPTIONS = [
  'format',
  'mapping',
  'columns',
  'aliases',
  'defaults',
  'dateOrder',
  'decimal',
  'currency',
] as const;
export type CommonOption = (typeof COMMON_OPTIONS)[number];

/** A file an import reads besides its main one (a join table, a second definition file). */
export interface ImportFile extends CsvInput {
  name: string;
}

/** What a user tells an import besides the file, in the one shape the CLI, the API and the web page share. */
export interface ImportRequest {
  /** Named format; detected from the header when left out (`mapped` when a mapping is given). */
  format?: string;
  /** Column → field, or fields (a column may feed several). */
  mapping?: ColumnMapping;
  /** Field → column, replacing a named format's own column for that field. */
  columns?: Record<string, string>;
  /** Per field, spelling → canonical value. */
  aliases?: Record<string, Record<string, string>>;
  /** Per field, the value new records take when their row names none. */
  defaults?: Record<string, string>;
  dateOrder?: DateOrder;
  /** Decimal separator of amounts and the currency of rows that name none. */
  decimal?: '.' | ',';
  currency?: string;
  /** The kind's own options (`Importer.options`) by name, e.g. `{ source: 'warehouse' }`. */
  options?: Readonly<Record<string, string>>;
  /** The kind's further files (`Importer.files`) by name, e.g. `{ subscriptions: … }`. */
  files?: Readonly<Record<string, ImportFile>>;
}

/** Names a problem's option the way the caller's user knows it: `querystring.mapping`, `--map`, `--source` … */
export type OptionNamer = (option: CommonOption | (string & {})) => string;

/** An option of one kind only (usage's `source`), with what it accepts. */
export interface ImportOptionDoc {
  name: string;
  description: string;
  /** The value taken when it is left out. */
  default?: string;
  /** What a value must look like, and how long it may be. */
  pattern?: RegExp;
  maxLength?: number;
  /** A switch: the command line takes it without a value (`--event-log`), the API as `true` or `false`. */
  flag?: boolean;
}

/** A further file of one kind (usage's `subscriptions` join table). */
export interface ImportFileDoc {
  name: string;
  description: string;
  /** The command line also takes it as a second argument after the main file (its role is told from its content). */
  argument?: boolean;
}

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

/** One import of a file, as every door hands it to the importer. */
export interface ImportCall {
  workspaceId: string;
  /** A partner user's firm: what the import may reach is narrowed to it. */
  partnerId?: string | null;
  actor: Actor;
  input: CsvInput;
  fileName: string | null;
  request: ImportRequest;
  dryRun?: boolean;
  runId?: string;
  name: OptionNamer;
  onProgress?: (report: ImportReport) => void;
  /** The files of a folder named instead of one file (the command line, for a kind that reads folders). */
  folder?: readonly ImportFile[];
}

/** One kind of record Baton imports from files. */
export interface Importer {
  kind: ImportKind;
  /** How people read the kind: `Deals`, `Time entries` (the kind itself when left out). */
  label?: string;
  /** What importing it does, in a sentence or two (the command's description). */
  description?: string;
  /** The permission an import of it needs (`imports:run` when left out). */
  access?: Permission;
  /** What the file may be sent as (CSV when left out). */
  mediaTypes?: readonly string[];
  /** The common options it reads (every one when left out, refusing those it cannot use). */
  takes?: readonly CommonOption[];
  formats: readonly string[];
  /** What each format is, when its name does not say (`--help`). */
  formatHelp?: Readonly<Record<string, string>>;
  fields: readonly ImportFieldDoc[];
  aliasFields: readonly string[];
  defaultFields: readonly string[];
  options?: readonly ImportOptionDoc[];
  files?: readonly ImportFileDoc[];
  /** Command lines that show it in use (`--help`). */
  examples?: readonly string[];
  /** Its upload route's summary and description, when the generic ones do not fit. */
  api?: { summary: string; description: string };
  /** The kind its runs are recorded under, when not `kind` (runs recorded before the kinds were named alike). */
  runKind?: string;
  /** What a folder of its files is read as, for a kind that reads one (the command line takes the folder). */
  folders?: string;
  /** Other names its command answers to (`baton import time`). */
  aliases?: readonly string[];
  /** The format a header shows, if any (the first of `formats` when left out). */
  detect?(headers: readonly string[]): string | undefined;
  /** Checks the request (throws a validation error naming each option at fault) and plans the reading of a header; a kind without it has no preview. */
  plan?(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan;
  run(db: Kysely<Database>, call: ImportCall): Promise<ImportResult>;
  /** What a report says besides its counts (a pipelines import: each pipeline), for the command line's summary. */
  describe?(result: ImportResult): { headline?: string; lines: string[] };
}

export type { ImportKind, RowError };
