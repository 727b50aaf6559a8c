import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  countWorkingDays,
  dailyCapacityHours,
  holidaySet,
  isoWeekday,
  isWorkingDay,
  nextWorkingDay,
  nthWorkingDay,
  resourceCalendar,
  toDay,
  toIso,
  weekStartIso,
  workspaceCalendar,
} from './calendar.ts';

const DAY_MS = 86_400_000;

describe('day numbers', () => {
  it('agree with Date for any day from 1900 to 2200, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2200, 0, 1) / DAY_MS }), (day) => {
        const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
        expect(toIso(day)).toBe(iso);
        expect(toDay(iso)).toBe(day);
        expect(isoWeekday(day)).toBe(((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '26-01-01',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    'abcd-ef-gh',
    '',
  ])('refuses %j', (bad) => {
    expect(() => toDay(bad)).toThrow(RangeError);
  });

  it('accepts 29 February in a leap year', () => {
    expect(toIso(toDay('2028-02-29'))).toBe('2028-02-29');
  });

  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-08', '2026-03-02'],
    ['2026-03-04', '2026-03-02'],
    ['2026-01-01', '2025-12-29'],
  ])('the ISO week of %s starts on %s', (day, monday) => {
    expect(weekStartIso(day)).toBe(monday);
  });
});

describe('working days', () => {
  const holidays = holidaySet(['2026-03-04']);
  const workspace = workspaceCalendar(holidays);
  const ann = resourceCalendar(
    {
      workingDays: [1, 2, 3, 4],
      timeOff: [
        { from: '2026-03-10', to: '2026-03-11' },
        { from: '2026-03-11', to: '2026-03-12' },
        { from: '2026-03-20', to: '2026-03-19' },
      ],
    },
    holidays,
  );
  const d = toDay;

  it.each([
    ['workspace', '2026-03-02', true],
    ['workspace', '2026-03-04', false],
    ['workspace', '2026-03-07', false],
    ['ann', '2026-03-06', false],
    ['ann', '2026-03-09', true],
    ['ann', '2026-03-10', false],
    ['ann', '2026-03-12', false],
    ['ann', '2026-03-16', true],
  ] as const)('%s works on %s: %s', (who, day, works) => {
    expect(isWorkingDay(who === 'ann' ? ann : workspace, d(day))).toBe(works);
  });

  it.each([
    ['nextWorkingDay', () => nextWorkingDay(workspace, d('2026-03-04')), '2026-03-05'],
    ['nextWorkingDay over a weekend', () => nextWorkingDay(workspace, d('2026-03-07')), '2026-03-09'],
    ['1st working day from a Monday', () => nthWorkingDay(workspace, d('2026-03-02'), 1), '2026-03-02'],
    ['3rd working day over the holiday', () => nthWorkingDay(workspace, d('2026-03-02'), 3), '2026-03-05'],
    ['0th working day is the day itself', () => nthWorkingDay(workspace, d('2026-03-07'), 0), '2026-03-07'],
    [
      "ann's 4th working day over her Friday, weekend and time off",
      () => nthWorkingDay(ann, d('2026-03-05'), 4),
      '2026-03-17',
    ],
    ['add 2 working days from a Friday', () => addWorkingDays(workspace, d('2026-03-06'), 2), '2026-03-10'],
    ['add 0 working days', () => addWorkingDays(workspace, d('2026-03-07'), 0), '2026-03-07'],
  ])('%s', (_, compute, expected) => {
    expect(toIso(compute())).toBe(expected);
  });

  it('counts working days, both ends included', () => {
    expect(countWorkingDays(workspace, d('2026-03-02'), d('2026-03-13'))).toBe(9);
    expect(countWorkingDays(ann, d('2026-03-02'), d('2026-03-13'))).toBe(4);
    expect(countWorkingDays(workspace, d('2026-03-13'), d('2026-03-02'))).toBe(0);
  });

  it('gives up with -1 when nobody works within the horizon', () => {
    const never = resourceCalendar({ workingDays: [], timeOff: [] }, holidays);
    const away = resourceCalendar(
      { workingDays: [1, 2, 3, 4, 5], timeOff: [{ from: '2026-01-01', to: '2099-12-31' }] },
      holidays,
    );
    expect(nextWorkingDay(never, d('2026-03-02'))).toBe(-1);
    expect(nextWorkingDay(away, d('2026-03-02'))).toBe(-1);
    expect(nthWorkingDay(away, d('2026-03-02'), 2)).toBe(-1);
  });

  it.each([
    [{ weeklyCapacityHours: 40, workingDays: [1, 2, 3, 4, 5] }, 8],
    [{ weeklyCapacityHours: 20, workingDays: [1, 2, 3, 4, 5] }, 4],
    [{ weeklyCapacityHours: 30, workingDays: [1, 3, 5, 5, 9] }, 10],
    [{ weeklyCapacityHours: 40, workingDays: [] }, 0],
    [{ weeklyCapacityHours: 0, workingDays: [1] }, 0],
  ])('daily capacity of %j is %d hours', (r, hours) => {
    expect(dailyCapacityHours(r)).toBe(hours);
  });
});
