import { fail, ok, type Parsed } from './parsed.ts';

/** How a file writes day and month in dates like `03/04/24`: month first (US Excel) or day first. */
export const DATE_ORDERS = ['mdy', 'dmy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DATE_ORDER_LABELS: Record<DateOrder, string> = { mdy: 'month/day/year', dmy: 'day/month/year' };

const ISO =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

const pad = (n: number): string => String(n).padStart(2, '0');

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function calendarDate(year: number, month: number, day: number): string | undefined {
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (days === undefined || day < 1 || day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function validTime(hour?: string, minute?: string, second?: string, meridiem?: string): boolean {
  if (hour === undefined) return true;
  const h = Number(hour);
  if (meridiem !== undefined ? h < 1 || h > 12 : h > 23) return false;
  return Number(minute) < 60 && (second === undefined || Number(second) < 60);
}

/** Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999. */
const fullYear = (year: string): number =>
  year.length === 4 ? Number(year) : Number(year) + (Number(year) < 30 ? 2000 : 1900);

interface YearLastDate {
  first: number;
  second: number;
  year: number;
}

function yearLast(text: string): YearLastDate | 'bad-time' | undefined {
  const m = YEAR_LAST.exec(text);
  if (!m) return undefined;
  if (!validTime(m[5], m[6], m[7], m[8])) return 'bad-time';
  return { first: Number(m[1]), second: Number(m[3]), year: fullYear(m[4] ?? '') };
}

/**
 * Which orders can read a year-last date such as `02/23/26` (only month/day/year) or `03/04/24` (both).
 * Undefined when the text is not a year-last date at all.
 */
export function dateReadings(raw: string): Record<DateOrder, boolean> | undefined {
  const parts = yearLast(raw.trim());
  if (parts === undefined || parts === 'bad-time') return undefined;
  return {
    mdy: calendarDate(parts.year, parts.first, parts.second) !== undefined,
    dmy: calendarDate(parts.year, parts.second, parts.first) !== undefined,
  };
}

function readYearLast(text: string, parts: YearLastDate, order: DateOrder | undefined): Parsed<string> {
  const mdy = calendarDate(parts.year, parts.first, parts.second);
  const dmy = calendarDate(parts.year, parts.second, parts.first);
  if (order !== undefined) {
    const value = order === 'mdy' ? mdy : dmy;
    return value ? ok(value) : fail(`"${text}" is not a valid ${DATE_ORDER_LABELS[order]} date`);
  }
  if (mdy && mdy === dmy) return ok(mdy);
  if (mdy && dmy) {
    return fail(`ambiguous date "${text}": it reads as ${mdy} or ${dmy}; declare the date order (mdy or dmy)`);
  }
  if (mdy || dmy) {
    const only = mdy ? 'month/day/year' : 'day/month/year';
    return fail(
      `date "${text}" needs a declared date order (it reads only as ${only}: declare ${mdy ? 'mdy' : 'dmy'})`,
    );
  }
  return fail(`"${text}" is not a date`);
}

/**
 * Reads a date into `YYYY-MM-DD`; blank gives null. ISO dates and timestamps keep the calendar date as
 * written (`2024-01-22T16:14:25.000+0000` → `2024-01-22`). Year-last dates (`03/04/24`, `13.04.2024`) need
 * `order`: without it they are an error saying why, never a guess.
 */
export function parseDate(raw: string, order?: DateOrder): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, , month, day, hour, minute, second] = iso;
    const date = validTime(hour, minute, second) ? calendarDate(Number(year), Number(month), Number(day)) : undefined;
    return date ? ok(date) : fail(`"${text}" is not a valid date`);
  }
  const parts = yearLast(text);
  if (parts === 'bad-time') return fail(`"${text}" has an invalid time of day`);
  if (parts) return readYearLast(text, parts, order);
  return fail(`"${text}" is not a date (expected YYYY-MM-DD${order ? ` or ${DATE_ORDER_LABELS[order]}` : ''})`);
}
