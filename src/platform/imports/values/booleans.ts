import { fail, ok, type Parsed } from './parsed.ts';

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
