/**
 * The account import's `attributes` and `outcome` options read against a file's header: comma-separated
 * column names, matched exactly, else ignoring case and surrounding spaces. Pure.
 */
import { AppError } from '../../../platform/errors/app-error.ts';

const loose = (s: string) => s.trim().toLowerCase();

/** The header's own spelling of a column the user named, or undefined. */
export function findColumn(headers: readonly string[], wanted: string): string | undefined {
  if (headers.includes(wanted)) return wanted;
  const matches = headers.filter((h) => loose(h) === loose(wanted));
  return matches.length === 1 ? matches[0] : undefined;
}

export interface AttributeColumns {
  attributes: string[];
  outcome: string | null;
}

/** Resolves the options to header columns; a validation error names the option and every column not found. */
export function attributeColumns(
  headers: readonly string[],
  options: Readonly<Record<string, string>>,
  name: (option: 'attributes' | 'outcome') => string,
): AttributeColumns {
  const shown = headers.slice(0, 30).join(', ');
  const listed = (options.attributes ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const missing = listed.filter((c) => findColumn(headers, c) === undefined);
  if (missing.length > 0)
    throw AppError.validation(
      name('attributes'),
      `no column ${missing.map((c) => `"${c}"`).join(', ')} in the file's header (${shown})`,
    );
  const wantedOutcome = options.outcome?.trim();
  const outcome = wantedOutcome ? (findColumn(headers, wantedOutcome) ?? null) : null;
  if (wantedOutcome && outcome === null)
    throw AppError.validation(name('outcome'), `no column "${wantedOutcome}" in the file's header (${shown})`);
  const attributes = [...new Set(listed.map((c) => findColumn(headers, c)!))].filter((c) => c !== outcome);
  return { attributes, outcome };
}
