import { query, upload } from '../api/client.ts';
import type { ImportKind, ImportPreview, ImportResult, RowError } from '../api/types.ts';

/** What the page tells an import besides the file; the server's query parameters, JSON where nested. */
export interface ImportChoices {
  /** '' = tell from the file. */
  format: string;
  /** Column → the fields it feeds, for the "mapped" format. */
  mapping?: Record<string, string[]>;
  /** Field → column, replacing a named format's own. */
  columns?: Record<string, string>;
  /** Per field, spelling → canonical value. */
  aliases: Record<string, Record<string, string>>;
  defaults: Record<string, string>;
  /** '' = as the file proves. */
  dateOrder: '' | 'mdy' | 'dmy';
  decimal: '' | '.' | ',';
}

export const NO_CHOICES: ImportChoices = { format: '', aliases: {}, defaults: {}, dateOrder: '', decimal: '' };

/** A preview reads the beginning of the file only: enough for 20 rows and the date evidence of thousands. */
export const PREVIEW_BYTES = 1024 * 1024;

const json = (v: object | undefined) => (v && Object.keys(v).length > 0 ? JSON.stringify(v) : undefined);

function params(c: ImportChoices, proven: 'mdy' | 'dmy' | null) {
  return {
    format: c.format || undefined,
    mapping: c.format === 'mapped' ? json(c.mapping ?? {}) : undefined,
    columns: c.format !== 'mapped' ? json(c.columns) : undefined,
    aliases: json(Object.fromEntries(Object.entries(c.aliases).filter(([, table]) => Object.keys(table).length > 0))),
    defaults: json(Object.fromEntries(Object.entries(c.defaults).filter(([, v]) => v))),
    // An upload is read once as it streams in: the date order the preview proved goes with it.
    dateOrder: c.dateOrder || proven || undefined,
    decimal: c.decimal || undefined,
  };
}

export const previewImport = (kind: ImportKind, file: File, choices: ImportChoices) =>
  upload<ImportPreview>(`/api/v1/imports/${kind}/preview${query(params(choices, null))}`, file.slice(0, PREVIEW_BYTES));

export const runImport = (
  kind: ImportKind,
  file: File,
  choices: ImportChoices,
  options: { dryRun: boolean; runId: string; proven: 'mdy' | 'dmy' | null },
) =>
  upload<ImportResult>(
    `/api/v1/imports/${kind}${query({ ...params(choices, options.proven), dryRun: String(options.dryRun), runId: options.runId, fileName: file.name })}`,
    file,
  );

const cell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

/** Rejected rows as a CSV file to download: row, field, reason. */
/** An import run's kind as a person reads it: `integration_status` → integration status. */
export const kindLabel = (kind: string): string => kind.replaceAll('_', ' ');

export function rejectedCsv(errors: RowError[]): Blob {
  const lines = ['row,field,reason', ...errors.map((e) => [e.row, e.field, e.reason].map(cell).join(','))];
  return new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' });
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
