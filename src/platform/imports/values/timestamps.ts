import { type DateOrder, parseDate } from './dates.ts';
import { fail, ok, type Parsed } from './parsed.ts';

const ISO_TIME = /^(\d{4}-\d{1,2}-\d{1,2})[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: string, width = 2): string => n.padStart(width, '0');

/**
 * Reads a moment into ISO-8601 UTC text (`2024-01-22T16:14:25.000Z`); blank gives null. A timestamp keeps its
 * offset (`+0000`, `Z`; none means UTC, as warehouse syncs write); a date alone is that day at 00:00 UTC;
 * year-last dates need `order`, as `parseDate` explains.
 */
export function parseTimestamp(raw: string, order?: DateOrder): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const m = ISO_TIME.exec(text);
  if (m) {
    const [, date = '', hour = '', minute = '', second = '0', fraction = '0', zone] = m;
    const day = parseDate(date);
    if ('error' in day || day.value === null) return fail(`"${text}" is not a valid timestamp`);
    const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const iso = `${day.value}T${pad(hour)}:${minute}:${pad(second)}.${fraction.slice(0, 3).padEnd(3, '0')}${offset}`;
    const at = new Date(iso);
    if (Number.isNaN(at.getTime()) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
      return fail(`"${text}" is not a valid timestamp`);
    return ok(at.toISOString());
  }
  const day = parseDate(text, order);
  if ('error' in day) return day;
  return ok(day.value === null ? null : `${day.value}T00:00:00.000Z`);
}
