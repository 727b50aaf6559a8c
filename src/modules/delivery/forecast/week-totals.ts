import { toIso } from './calendar.ts';

/**
 * Hours summed per ISO week, as a growable array indexed by weeks since a first Monday: adding in the hot
 * loop is an index and an addition; the map keyed by ISO dates is built once at the end.
 */
export class WeekTotals {
  private hours = new Float64Array(16);
  private weeks = 0;

  add(week: number, hours: number): void {
    if (week >= this.hours.length) {
      const grown = new Float64Array(Math.max(week + 1, this.hours.length * 2));
      grown.set(this.hours);
      this.hours = grown;
    }
    this.hours[week] = (this.hours[week] as number) + hours;
    if (week >= this.weeks) this.weeks = week + 1;
  }

  /** Monday (`YYYY-MM-DD`) → hours, for weeks with any hours; `firstMonday` is the day number of week 0. */
  toMap(firstMonday: number): Map<string, number> {
    const out = new Map<string, number>();
    for (let w = 0; w < this.weeks; w++) {
      const h = this.hours[w] as number;
      if (h > 0) out.set(toIso(firstMonday + 7 * w), h);
    }
    return out;
  }
}
