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
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw AppError.validation(option, `"${v}" is not of the form left=right`);
    out[v.slice(0, i).trim()] = v.slice(i + 1).trim();
  }
  return out;
}

/** `--alias field:spelling=canonical`, repeated → per field, spelling → canonical value. */
export function aliasPairs(values: string[] | undefined, example: string): Record<string, Record<string, string>> | undefined {
  const flat = pairs('--alias', values);
  if (!flat) return undefined;
  const out: Record<string, Record<string, string>> = {};
  for (const [left, canonical] of Object.entries(flat)) {
    const i = left.indexOf(':');
    const field = left.slice(0, i).trim();
    const spelling = left.slice(i + 1).trim();
    if (i <= 0 || !spelling) throw AppError.validation('--alias', `"${left}" must be field:spelling, e.g. ${example}`);
    out[field] = { ...(out[field] ?? {}), [spelling]: canonical };
  }
  return out;
}

/** The flag each option is given with, for errors the CLI prints. */
export const flagOf: OptionNamer = (option) =>
  ({ format: '--format', mapping: '--map', columns: '--column', aliases: '--alias', defaults: '--default', dateOrder: '--date-order', decimal: '--decimal', currency: '--currency' })[option];

/** The documented fields and some examples, for `--help`. */
export function fieldsHelp(title: string, fields: readonly FieldDoc[], examples: readonly string[]): string {
  const width = Math.max(...fields.map((f) => f.name.length));
  const lines = fields.map((f) => `  ${f.name.padEnd(width)}  ${f.required ? '(required) ' : ''}${f.description}`);
  return `\n${title} (targets of --map, and of --column to override a format's own column):\n${lines.join('\n')}\n\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`;
}

/** Runs an import with a progress bar on a terminal (bytes of the file read, rows so far); none with --json. */
export async function withProgressBar<T>(
  file: string,
  json: boolean | undefined,
  run: (open: () => fs.ReadStream, onProgress: (r: ImportReport) => void) => Promise<T>,
): Promise<T> {
  const size = fs.statSync(file).size;
  const showBar = !json && process.stderr.isTTY;
  const bar = new SingleBar({ format: 'importing |{bar}| {percentage}% · {read} rows', stream: process.stderr, hideCursor: true });
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

/** Prints a report: one JSON object with --json, else a summary, the notes and the first 50 row errors. */
export function printReport(file: string, result: ImportResult, json: boolean | undefined): void {
  const { runId: _runId, notes, ...report } = result;
  if (json) {
    console.log(JSON.stringify({ ...report, notes }));
    return;
  }
  console.log(`${result.dryRun ? 'dry run: nothing written. ' : ''}${file} (${result.format})`);
  console.log(`  read ${result.read} · created ${result.created} · updated ${result.updated} · unchanged ${result.unchanged} · rejected ${result.rejected} · skipped ${result.skipped}`);
  for (const n of notes) console.log(`  note: ${n}`);
  const shown = result.errors.slice(0, 50);
  for (const e of shown) console.log(`  row ${e.row}  ${e.field}: ${e.reason}`);
  if (result.errors.length > shown.length || result.errorsTruncated) console.log('  … and more: use --json for every error');
}
