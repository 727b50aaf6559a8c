import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ImportReport, ImportResult } from '../../platform/imports/import-run.ts';
import type { OptionNamer } from '../../platform/imports/importer.ts';
import type { FieldDoc } from '../../platform/imports/profile.ts';

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `left=right` pairs from a repeated option, naming the option when one is malformed. */
export function pairs(option: string, values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  // The names are the user's (`__proto__`, `constructor` …): an object without a prototype keeps them as given.
  const out: Record<string, string> = Object.create(null);
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw AppError.validation(option, `"${v}" is not of the form left=right`);
    out[v.slice(0, i).trim()] = v.slice(i + 1).trim();
  }
  return out;
}

/**
 * `--map column=field`, repeated: a column named twice feeds both fields (`--map id=external_id --map id=name`
 * for a file whose id is its only name); the same pair twice counts once.
 */
export function mappingOption(values: string[] | undefined): Record<string, string[]> | undefined {
  if (!values?.length) return undefined;
  const out: Record<string, string[]> = Object.create(null);
  for (const v of values) {
    const one = pairs('--map', [v]) as Record<string, string>;
    for (const [column, field] of Object.entries(one))
      if (!out[column]?.includes(field)) out[column] = [...(out[column] ?? []), field];
  }
  return out;
}

/** `--alias field:spelling=canonical`, repeated → per field, spelling → canonical value. */
export function aliasPairs(
  values: string[] | undefined,
  example: string,
): Record<string, Record<string, string>> | undefined {
  const flat = pairs('--alias', values);
  if (!flat) return undefined;
  const out: Record<string, Record<string, string>> = Object.create(null);
  for (const [left, canonical] of Object.entries(flat)) {
    const i = left.indexOf(':');
    const field = left.slice(0, i).trim();
    const spelling = left.slice(i + 1).trim();
    if (i <= 0 || !spelling) throw AppError.validation('--alias', `"${left}" must be field:spelling, e.g. ${example}`);
    out[field] = Object.assign(out[field] ?? Object.create(null), { [spelling]: canonical });
  }
  return out;
}

const FLAGS: Readonly<Record<string, string>> = {
  format: '--format',
  mapping: '--map',
  columns: '--column',
  aliases: '--alias',
  defaults: '--default',
  dateOrder: '--date-order',
  decimal: '--decimal',
  currency: '--currency',
};

/** `subscriptionsFile` → `subscriptions-file`: how a kind's own option or file is written on the command line. */
export const kebab = (name: string) => name.replaceAll(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The flag each option is given with, for errors the CLI prints (a kind's own option or file: `--source` …). */
export const flagOf: OptionNamer = (option) =>
  Object.hasOwn(FLAGS, option) ? (FLAGS[option] as string) : `--${kebab(option)}`;

/**
 * The exit status of an import that ran but refused some rows (each in its report): scripts can tell it from a
 * clean run (0), a refused command (2: a bad option, a file that cannot be read) and a failure (1).
 */
export const EXIT_ROWS_REJECTED = 3;

/** What `--help` of every `baton import …` command says of its exit status. */
export const EXIT_STATUS_HELP = `\nExit status: 0 every row imported (or skipped on purpose), ${EXIT_ROWS_REJECTED} some rows rejected (the rest imported; see the report), 2 the command or the file refused before any row was written, 1 any other failure.\n`;

/** Sets the exit status of an import whose report rejected rows (the process still ends normally, its output whole). */
export function exitForRejectedRows(result: { rejected: number }): void {
  if (result.rejected > 0) process.exitCode = EXIT_ROWS_REJECTED;
}

/**
 * The documented fields and some examples, for `--help`. `overrides` says whether the command takes `--column`
 * (formats with their own columns do; a plain table read by `--map` alone does not).
 */
export function fieldsHelp(
  title: string,
  fields: readonly FieldDoc[],
  examples: readonly string[],
  overrides = true,
): string {
  const width = Math.max(...fields.map((f) => f.name.length));
  const lines = fields.map((f) => `  ${f.name.padEnd(width)}  ${f.required ? '(required) ' : ''}${f.description}`);
  const targets = overrides
    ? "targets of --map, and of --column to override a format's own column"
    : 'targets of --map';
  return `\n${title} (${targets}):\n${lines.join('\n')}\n\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n${EXIT_STATUS_HELP}`;
}

/** The columns a fixed-format file may have, and some examples, for `--help` of a kind that takes no mapping. */
export function columnsHelp(fields: readonly FieldDoc[], examples: readonly string[]): string {
  const width = Math.max(0, ...fields.map((f) => f.name.length));
  const lines = fields.map((f) => `  ${f.name.padEnd(width)}  ${f.required ? '(required) ' : ''}${f.description}`);
  return `${lines.length ? `\nColumns:\n${lines.join('\n')}\n` : ''}\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n${EXIT_STATUS_HELP}`;
}

/** What each format of a kind is, for `--help`. */
export function formatsHelp(formats: Readonly<Record<string, string>>): string {
  const width = Math.max(0, ...Object.keys(formats).map((f) => f.length));
  const lines = Object.entries(formats).map(([f, about]) => `  ${f.padEnd(width)}  ${about}`);
  return `\nFormats (told from the content when --format is left out):\n${lines.join('\n')}`;
}

/** Runs an import with a progress bar on a terminal (bytes of the file read, rows so far); none with --json. */
export async function withProgressBar<T>(
  file: string,
  json: boolean | undefined,
  run: (open: () => fs.ReadStream, onProgress: (r: ImportReport) => void) => Promise<T>,
): Promise<T> {
  const size = fs.statSync(file).size;
  const showBar = !json && process.stderr.isTTY;
  const bar = new SingleBar({
    format: 'importing |{bar}| {percentage}% · {read} rows',
    stream: process.stderr,
    hideCursor: true,
  });
  // Progress reads how far the last opened stream got; a 'data' listener would set the stream flowing before
  // the parser is attached, and the start of the file would be lost.
  let current: fs.ReadStream | null = null;
  const open = () => {
    current = fs.createReadStream(file);
    return current;
  };
  if (showBar) bar.start(size, 0, { read: 0 });
  try {
    return await run(open, (r) => showBar && bar.update(Math.min(current?.bytesRead ?? 0, size), { read: r.read }));
  } finally {
    if (showBar) {
      bar.update(size);
      bar.stop();
    }
  }
}

/**
 * Prints a report: with --json the one JSON object the upload route answers, else a summary, what the kind says of
 * it (`describe`), the notes and the first 50 row errors; a report with rejected rows sets the exit status to 3.
 */
export function printReport(
  file: string,
  result: ImportResult,
  json: boolean | undefined,
  describe?: (result: ImportResult) => { headline?: string; lines: string[] },
): void {
  exitForRejectedRows(result);
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  const said = describe?.(result);
  const headline = said?.headline ? `: ${said.headline}` : '';
  console.log(`${result.dryRun ? 'dry run: nothing written. ' : ''}${file} (${result.format})${headline}`);
  console.log(
    `  read ${result.read} · created ${result.created} · updated ${result.updated} · unchanged ${result.unchanged} · rejected ${result.rejected} · skipped ${result.skipped}`,
  );
  for (const line of said?.lines ?? []) console.log(`  ${line}`);
  for (const n of result.notes) console.log(`  note: ${n}`);
  const shown = result.errors.slice(0, 50);
  for (const e of shown) console.log(`  row ${e.row}  ${e.field}: ${e.reason}`);
  if (result.errors.length > shown.length || result.errorsTruncated)
    console.log('  … and more: use --json for every error');
}
