import { HORIZON_DAYS, isoWeekday, isWorkingDay, type WorkCalendar } from './calendar.ts';

/** Below this many hours a day counts as fully booked (floating-point dust from 40 / 3 and the like). */
export const EPSILON_HOURS = 1e-6;

/**
 * One person's free hours per day from the forecast's first day on, as a growable typed array. Booking
 * order matters (earlier priorities book first); later bookings must find the next day with free hours
 * quickly even when the person is booked solid for months. A "next free day" pointer per day, compressed
 * as it is followed (union-find), makes each search close to O(1): full and non-working days are skipped
 * in one hop, so the whole forecast stays linear in tasks × scheduled days.
 *
 * Day i's free hours and pointer sit side by side (`cells[2i]`, `cells[2i + 1]`): a search and the
 * booking that follows touch one cache line, which matters once hundreds of people's lanes no longer fit
 * in the processor's cache.
 */
export class CapacityLane {
  /** Day number of index 0. */
  readonly base: number;
  readonly dailyHours: number;
  private readonly cal: WorkCalendar;
  /** [free hours of day 0, next of day 0, free hours of day 1, …]; next = i when day i has free hours,
   *  otherwise a later index to look at (possibly = length). */
  private cells: Float64Array;
  private length = 0;

  constructor(cal: WorkCalendar, dailyHours: number, base: number, initialDays = 128) {
    this.cal = cal;
    this.dailyHours = dailyHours;
    this.base = base;
    this.cells = new Float64Array(2 * initialDays);
  }

  /** Days initialised so far (days from `base`). */
  get days(): number {
    return this.length;
  }

  /**
   * The first index ≥ i with free hours. -1 when none shows up within the horizon beyond the days already
   * booked: a person with no working day for three years (no weekdays, a long absence) has no capacity.
   */
  firstFree(i: number): number {
    const limit = Math.max(i, this.length) + HORIZON_DAYS;
    let cells = this.cells;
    for (;;) {
      if (i > limit) return -1;
      if (i >= this.length) {
        this.grow(i + 1);
        cells = this.cells;
      }
      const p = cells[2 * i + 1] as number;
      if (p === i) return i;
      // Path halving: point i two hops ahead, so long runs of full days collapse as they are walked.
      if (p < this.length) cells[2 * i + 1] = cells[2 * p + 1] as number;
      i = p;
    }
  }

  /** Books up to `hours` on day index i; returns the hours actually booked there. */
  take(i: number, hours: number): number {
    const f = this.cells[2 * i] as number;
    const t = f < hours ? f : hours;
    const left = f - t;
    if (left <= EPSILON_HOURS) {
      this.cells[2 * i] = 0;
      this.cells[2 * i + 1] = i + 1;
    } else {
      this.cells[2 * i] = left;
    }
    return t;
  }

  /** Hours booked on day index i (0 outside the initialised days). */
  booked(i: number): number {
    if (i < 0 || i >= this.length) return 0;
    return isWorkingDay(this.cal, this.base + i) ? this.dailyHours - (this.cells[2 * i] as number) : 0;
  }

  private grow(minLength: number): void {
    const target = Math.max(minLength, this.length * 2, 64);
    if (2 * target > this.cells.length) {
      const cells = new Float64Array(2 * target);
      cells.set(this.cells.subarray(0, 2 * this.length));
      this.cells = cells;
    }
    const { cal, base, dailyHours, cells } = this;
    const mask = cal.weekdayMask;
    let weekday = isoWeekday(base + this.length);
    for (let i = this.length; i < target; i++) {
      // Weekday first (cheap), then holidays and time off only for days that could be worked.
      const works = (mask & (1 << weekday)) !== 0 && dailyHours > 0 && isWorkingDay(cal, base + i);
      cells[2 * i] = works ? dailyHours : 0;
      cells[2 * i + 1] = works ? i : i + 1;
      weekday = weekday === 7 ? 1 : weekday + 1;
    }
    this.length = target;
  }
}
