import { isCurrencyCode } from './currency.ts';
import { fail, ok, type Parsed } from '../../../platform/imports/values/parsed.ts';

/** The decimal separator a file uses: `1,200.50` (point) or `1.200,50` (comma). */
export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

export interface Amount {
  amount: number;
  /** ISO 4217 code when the text carried one or an unambiguous sign (`€`, `£`); `$` alone says nothing. */
  currency: string | null;
}

const SIGNS = new Map<string, string | null>([
  ['$', null],
  ['US$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', null],
]);
const MONEY =
  /^(-?)\s*(US\$|[$€£¥]|[A-Z]{3}(?=[\s\d-]))?\s*(-?)\s*([\d.,'\u00a0\u202f ]+?(?:[eE][+-]?\d+)?)\s*([A-Z]{3}|[$€£¥])?$/;
const SPACE_GROUPS = /^\d{1,3}(?:['\u00a0\u202f ]\d{3})+/;
const POINT = [/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/, /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/];
const COMMA = [/^\d+(?:,\d+)?$/, /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/];
const POINT_OR_THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/;

type Reading = number | 'other-separator' | 'either' | undefined;

function readNumber(digits: string, decimal: DecimalSeparator | undefined): Reading {
  const grouped = SPACE_GROUPS.exec(digits);
  const text = grouped ? grouped[0].replace(/\D/g, '') + digits.slice(grouped[0].length) : digits;
  if (decimal === undefined && POINT_OR_THOUSANDS.test(text)) return 'either';
  const [mine, theirs] = decimal === ',' ? [COMMA, POINT] : [POINT, COMMA];
  if (mine.some((re) => re.test(text))) {
    return Number(decimal === ',' ? text.replaceAll('.', '').replace(',', '.') : text.replaceAll(',', ''));
  }
  return theirs.some((re) => re.test(text)) ? 'other-separator' : undefined;
}

const currencyOf = (token: string | undefined): string | null =>
  token === undefined ? null : SIGNS.has(token) ? (SIGNS.get(token) ?? null) : token;

/**
 * Reads a money amount: `1124741.15`, `15000`, `$1,200.50`, `EUR 1 200,50`; blank gives null. Without a
 * declared `decimal`, amounts read with a decimal point, and text that only a decimal comma explains
 * (`1.200,50`, `12,50`) or that reads both ways (`1.200`) is an error asking for the separator, never a guess.
 */
export function parseAmount(raw: string, decimal?: DecimalSeparator): Parsed<Amount | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const m = MONEY.exec(text);
  const reading = m ? readNumber((m[4] ?? '').trim(), decimal) : undefined;
  const currency = currencyOf(m?.[2] ?? m?.[5]);
  const doubled = m && ((m[1] && m[3]) || (m[2] && m[5]));
  if (!m || reading === undefined || doubled || (currency !== null && !isCurrencyCode(currency))) {
    return fail(`"${text}" is not an amount`);
  }
  if (reading === 'either') return fail(`ambiguous amount "${text}": declare the decimal separator (point or comma)`);
  if (reading === 'other-separator') {
    return decimal === undefined
      ? fail(`ambiguous amount "${text}": it is written with a decimal comma; declare the decimal separator`)
      : fail(`"${text}" is written with a decimal ${decimal === ',' ? 'point' : 'comma'}, not the declared one`);
  }
  if (!Number.isFinite(reading)) return fail(`"${text}" is not an amount`);
  return ok({ amount: (m[1] || m[3] ? -reading : reading) + 0, currency });
}
