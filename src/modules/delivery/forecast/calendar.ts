/**
 * Working-day arithmetic for the forecast. Dates are handled as day numbers (days since 1970-01-01, UTC) so
 * the hot loops never allocate a Date: ISO strings are parsed once at the edge and formatted once on the way
 * out. A calendar says which days someone works: their weekdays, minus the workspace's holidays, minus their
 * time off. Pure.
 */

/** How far the engine looks for a working day before it concludes there is none (three years). */
export const HORIZON_DAYS = 1096;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function dayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/** Day number of a `YYYY-MM-DD` date; throws a RangeError on anything else (including 2026-02-30). */
export function toDay(iso: string): number {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-')
    throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  const last = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (!(month >= 1 && month <= 12 && day >= 1 && last !== undefined && day <= last))
    throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return dayFromParts(year, month, day);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number (Hinnant's civil_from_days). */
export function toIso(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The Monday starting the ISO week of a day number. */
export function weekStart(dayNumber: number): number {
  return dayNumber - isoWeekday(dayNumber) + 1;
}

/** The Monday starting the ISO week of a `YYYY-MM-DD` date, as `YYYY-MM-DD`. */
export function weekStartIso(iso: string): string {
  return toIso(weekStart(toDay(iso)));
}

/**
 * Who works when. Time off is kept as merged, sorted ranges rather than a set of days, so an open-ended
 * absence ("until 2099") costs two numbers, not thirty thousand.
 */
export interface WorkCalendar {
  /** Bit n set: ISO weekday n is a working day (bits 1..7). */
  readonly weekdayMask: number;
  readonly holidays: ReadonlySet<number>;
  /** Inclusive ranges of days off, sorted and not overlapping: [from0, to0, from1, to1, …]. */
  readonly off: Int32Array;
}

/** Day numbers of the workspace's holidays. */
export function holidaySet(isoDates: readonly string[]): Set<number> {
  return new Set(isoDates.map(toDay));
}

/** Mask bits of ISO weekdays; ignores anything outside 1..7. */
export function weekdayMask(isoWeekdays: readonly number[]): number {
  let mask = 0;
  for (const d of isoWeekdays) if (Number.isInteger(d) && d >= 1 && d <= 7) mask |= 1 << d;
  return mask;
}

/** The number of working weekdays in a mask. */
export function weekdayCount(mask: number): number {
  let n = 0;
  for (let d = 1; d <= 7; d++) if (mask & (1 << d)) n++;
  return n;
}

/** The workspace's calendar: Monday to Friday, minus holidays. Unassigned and customer tasks run on it. */
export function workspaceCalendar(holidays: ReadonlySet<number>): WorkCalendar {
  return { weekdayMask: weekdayMask([1, 2, 3, 4, 5]), holidays, off: new Int32Array(0) };
}

/** A person's calendar: their working weekdays, minus holidays, minus their time off. */
export function resourceCalendar(
  resource: { workingDays: readonly number[]; timeOff: ReadonlyArray<{ from: string; to: string }> },
  holidays: ReadonlySet<number>,
): WorkCalendar {
  const ranges = resource.timeOff
    .map((r) => [toDay(r.from), toDay(r.to)] as [number, number])
    .filter(([from, to]) => to >= from)
    .sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [from, to] of ranges) {
    const last = merged.length - 1;
    if (last > 0 && from <= (merged[last] as number) + 1) merged[last] = Math.max(merged[last] as number, to);
    else merged.push(from, to);
  }
  return { weekdayMask: weekdayMask(resource.workingDays), holidays, off: Int32Array.from(merged) };
}

/** Whether the day falls in one of the calendar's time-off ranges (binary search over the range starts). */
function isOff(off: Int32Array, day: number): boolean {
  let lo = 0;
  let hi = off.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (day < (off[2 * mid] as number)) hi = mid - 1;
    else if (day > (off[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isWorkingDay(cal: WorkCalendar, day: number): boolean {
  return (
    (cal.weekdayMask & (1 << isoWeekday(day))) !== 0 &&
    !cal.holidays.has(day) &&
    (cal.off.length === 0 || !isOff(cal.off, day))
  );
}

/** The first working day on or after `day`, or -1 when there is none within `horizon` days. */
export function nextWorkingDay(cal: WorkCalendar, day: number, horizon = HORIZON_DAYS): number {
  if (cal.weekdayMask === 0) return -1;
  for (let d = day; d <= day + horizon; d++) if (isWorkingDay(cal, d)) return d;
  return -1;
}

/**
 * The n-th working day on or after `from` (n ≥ 1; `from` counts when it is a working day): the finish of
 * something that takes n working days and starts at `from`. For n ≤ 0 it is `from` itself. -1 when a gap
 * without any working day exceeds the horizon.
 */
export function nthWorkingDay(cal: WorkCalendar, from: number, n: number): number {
  if (n <= 0) return from;
  let d = from - 1;
  for (let i = 0; i < n; i++) {
    d = nextWorkingDay(cal, d + 1);
    if (d < 0) return -1;
  }
  return d;
}

/** `day` moved forward by n working days (n = 0: `day` itself, even if it is not a working day); -1 as above. */
export function addWorkingDays(cal: WorkCalendar, day: number, n: number): number {
  return n <= 0 ? day : nthWorkingDay(cal, day + 1, n);
}

/** Working days between two days, both included (0 when `to` < `from`). */
export function countWorkingDays(cal: WorkCalendar, from: number, to: number): number {
  let n = 0;
  for (let d = from; d <= to; d++) if (isWorkingDay(cal, d)) n++;
  return n;
}

/** Hours a person gives per working day: the weekly capacity over their working weekdays (0 with none). */
export function dailyCapacityHours(resource: { weeklyCapacityHours: number; workingDays: readonly number[] }): number {
  const days = weekdayCount(weekdayMask(resource.workingDays));
  return days === 0 || !(resource.weeklyCapacityHours > 0) ? 0 : resource.weeklyCapacityHours / days;
}
