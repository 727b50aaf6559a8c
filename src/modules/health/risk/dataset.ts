/**
 * A workspace's account history read into typed columns for the churn-risk model: each attribute
 * numeric or categorical, blanks kept as missing, the outcome read from the words exports use, and
 * identifier-like or empty attributes set aside with their reason. Pure.
 */
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { OUTCOME_WORDS_HELP, outcomeOf } from '../../../platform/imports/values/outcomes.ts';

export { outcomeOf };

export type Cell = string | number | boolean | null | undefined;
export type AccountRow = Readonly<Record<string, Cell>>;

export type AttributeKind = 'numeric' | 'categorical';
export interface AttributeSchema {
  name: string;
  kind: AttributeKind;
}

/** Numeric values with NaN for a blank; categorical values with null for a blank. */
export type Column =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'categorical'; values: Array<string | null> };

export interface Dataset {
  n: number;
  columns: Column[];
}

export interface Dropped {
  attribute: string;
  reason: string;
}

export interface LabelledDataset extends Dataset {
  /** 1 = churned. */
  y: Uint8Array;
  positives: number;
  dropped: Dropped[];
}

/** A numeric attribute needs this share of its non-blank cells to read as numbers. */
export const NUMERIC_SHARE = 0.95;
/** A categorical attribute with more distinct values than this share of rows names accounts: dropped. */
export const IDENTIFIER_SHARE = 0.5;

const BLANK_WORDS = new Set(['', 'na', 'n/a', 'null', 'nan']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

const cellOf = (row: AccountRow, name: string): Cell => (Object.hasOwn(row, name) ? row[name] : null);

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'number') return Number.isNaN(cell);
  return typeof cell === 'string' && BLANK_WORDS.has(cell.trim().toLowerCase());
}

/** The number a cell holds, NaN for a blank or a text that is no number. */
export function numberOf(cell: Cell): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (typeof cell !== 'string') return NaN;
  const text = cell.trim();
  return NUMBER.test(text) ? Number(text) : NaN;
}

/** The level a cell holds as text (booleans as `true` / `false`), null for a blank. */
export function levelOf(cell: Cell): string | null {
  if (isBlank(cell)) return null;
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/** Numeric when at least 95 % of the non-blank cells read as numbers (booleans never do). */
export function inferKind(cells: readonly Cell[]): AttributeKind {
  let filled = 0;
  let numbers = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    filled++;
    if (!Number.isNaN(numberOf(cell))) numbers++;
  }
  return filled > 0 && numbers >= NUMERIC_SHARE * filled ? 'numeric' : 'categorical';
}

/** Reads rows into columns of the given kinds (used to score accounts with a fitted model's schema). */
export function readColumns(rows: readonly AccountRow[], schema: readonly AttributeSchema[]): Dataset {
  const columns = schema.map((a): Column => {
    if (a.kind === 'numeric')
      return { name: a.name, kind: 'numeric', values: Float64Array.from(rows, (r) => numberOf(cellOf(r, a.name))) };
    return { name: a.name, kind: 'categorical', values: rows.map((r) => levelOf(cellOf(r, a.name))) };
  });
  return { n: rows.length, columns };
}

/** Why an attribute cannot inform the model, or null when it can. */
function dropReason(column: Column, n: number): string | null {
  const seen = new Set<string | number>();
  let filled = 0;
  for (const v of column.values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    filled++;
    seen.add(v);
  }
  if (filled === 0) return 'no values: every cell is blank';
  if (seen.size === 1) return 'one value only';
  if (column.kind === 'categorical' && seen.size > IDENTIFIER_SHARE * n) {
    return `identifier-like: ${seen.size} distinct values in ${n} rows`;
  }
  return null;
}

/**
 * The model's input from rows of attributes and an outcome column. Throws a validation error for an
 * unknown attribute or outcome column, and one naming each row (1-based) whose outcome is no known word.
 */
export function buildDataset(
  rows: readonly AccountRow[],
  attributes: readonly string[],
  outcome: string,
): LabelledDataset {
  const known = (name: string) => rows.some((r) => Object.hasOwn(r, name));
  if (!known(outcome)) throw AppError.validation('outcome', `no row has the column "${outcome}"`);
  const unknown = attributes.filter((a) => !known(a));
  if (unknown.length > 0)
    throw AppError.validation('attributes', `no row has the column(s) ${unknown.map((a) => `"${a}"`).join(', ')}`);

  const y = new Uint8Array(rows.length);
  const errors: FieldError[] = [];
  rows.forEach((row, i) => {
    const value = outcomeOf(cellOf(row, outcome));
    if (value === null) {
      const cell = cellOf(row, outcome);
      const shown = isBlank(cell) ? 'a blank' : `"${String(cell)}"`;
      errors.push({
        field: `row ${i + 1}: ${outcome}`,
        message: `${shown} is not an outcome (${OUTCOME_WORDS_HELP})`,
      });
    } else y[i] = value;
  });
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more row(s))` : '';
    throw new AppError('validation', `${first.field}: ${first.message}${more}`, { fieldErrors: errors.slice(0, 50) });
  }
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === rows.length) {
    throw AppError.validation(
      'outcome',
      `"${outcome}" needs both churned and retained accounts (${positives} of ${rows.length} churned)`,
    );
  }

  const dropped: Dropped[] = [];
  const columns: Column[] = [];
  for (const name of new Set(attributes)) {
    if (name === outcome) {
      dropped.push({ attribute: name, reason: 'is the outcome' });
      continue;
    }
    const kind = inferKind(rows.map((r) => cellOf(r, name)));
    const column = readColumns(rows, [{ name, kind }]).columns[0]!;
    const reason = dropReason(column, rows.length);
    if (reason) dropped.push({ attribute: name, reason });
    else columns.push(column);
  }
  return { n: rows.length, columns, y, positives, dropped };
}

export const schemaOf = (ds: Dataset): AttributeSchema[] => ds.columns.map((c) => ({ name: c.name, kind: c.kind }));
