import { fail, ok, type Parsed } from '../../../platform/imports/values/parsed.ts';

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));
const SIGNS = new Map([
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['US$', 'USD'],
]);

/** True for a three-letter ISO 4217 code in upper case that the runtime knows (`USD`, `EUR`, `CHF` …). */
export const isCurrencyCode = (code: string): boolean => ISO_4217.has(code);

/** Reads a currency: an ISO 4217 code in any case (`usd` → `USD`) or an unambiguous sign (`€`, `£`); blank gives null. */
export function parseCurrency(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const code = SIGNS.get(text) ?? text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && isCurrencyCode(code)) return ok(code);
  if (text === '$' || text === '¥')
    return fail(`"${text}" could be several currencies; use an ISO 4217 code such as USD`);
  return fail(`"${text}" is not an ISO 4217 currency code (e.g. USD, EUR, GBP)`);
}
