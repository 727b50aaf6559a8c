/**
 * Small pure parsers for the values of CRM exports. Each returns `{ value }` or `{ error }`, and errors
 * say what to declare or fix rather than guessing.
 */
export { aliasProblems, canonicalizer, ALIAS_FIELDS } from './aliases.ts';
export type { AliasConfig, AliasField, AliasTable, Canonicalize } from './aliases.ts';
export { parseAmount, DECIMAL_SEPARATORS } from './amounts.ts';
export type { Amount, DecimalSeparator } from './amounts.ts';
export { isCurrencyCode, parseCurrency } from './currency.ts';
export { dateReadings, parseDate, DATE_ORDER_LABELS, DATE_ORDERS } from '../../../platform/imports/values/dates.ts';
export type { DateOrder } from '../../../platform/imports/values/dates.ts';
export type { Parsed } from '../../../platform/imports/values/parsed.ts';
export { cleanText, foldText, splitList } from '../../../platform/imports/values/text.ts';

export { parseBoolean } from '../../../platform/imports/values/booleans.ts';
