/**
 * Small pure parsers for the values of CRM exports. Each returns `{ value }` or `{ error }`, and errors
 * say what to declare or fix rather than guessing.
 */
import { fail, ok, type Parsed } from './parsed.ts';

export { aliasProblems, canonicalizer, ALIAS_FIELDS } from './aliases.ts';
export type { AliasConfig, AliasField, AliasTable, Canonicalize } from './aliases.ts';
export { parseAmount, DECIMAL_SEPARATORS } from './amounts.ts';
export type { Amount, DecimalSeparator } from './amounts.ts';
export { isCurrencyCode, parseCurrency } from './currency.ts';
export { dateReadings, parseDate, DATE_ORDER_LABELS, DATE_ORDERS } from './dates.ts';
export type { DateOrder } from './dates.ts';
export type { Parsed } from './parsed.ts';
export { cleanText, foldText, splitList } from './text.ts';

const TRUE = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE = new Set(['', '0', 'false', 'no', 'n', 'f']);

/**
 * Reads a yes/no value: `1`/empty (Salesforce Data Loader), `TRUE`/`FALSE` (Excel), `true`/`false`,
 * `yes`/`no`, in any case. Blank is false, as Data Loader writes false as nothing.
 */
export function parseBoolean(raw: string): Parsed<boolean> {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail(`"${raw.trim()}" is not a yes/no value (true/false, yes/no, 1/0 or blank)`);
}
