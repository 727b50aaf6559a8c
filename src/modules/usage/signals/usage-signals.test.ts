import { describe, expect, it } from 'vitest';
import { addDays, type DayFeatureRow, type DayUserRow } from '../adoption/adoption.ts';
import {
  type AccountUsage,
  concentratedUsage,
  decliningUsage,
  keyUserInactive,
  lowActiveUsers,
  volumeShift,
} from './usage-signals.ts';
import { DEFAULT_USAGE_THRESHOLDS as T } from './usage-signals.settings.ts';

const D = '2026-11-20';
const users = (spec: Array<[string, number, number]>): DayUserRow[] =>
  spec.map(([user_key, offset, events]) => ({ user_key, day: addDays(D, offset), events }));
const features = (spec: Array<[number, number]>): DayFeatureRow[] =>
  spec.map(([offset, events]) => ({ feature: 'f', day: addDays(D, offset), events }));
const usage = (over: Partial<AccountUsage>): AccountUsage => ({
  asOf: D,
  firstUsageDay: addDays(D, -100),
  seats: null,
  features: [],
  users: [],
  champions: [],
  ...over,
});

describe('stage 5 rules', () => {
  it.each([
    // active users, seats, days live, holds
    [3, 10, 60, true],
    [4, 10, 60, false],
    [3, 10, 59, false],
    [3, null, 100, false],
  ] as Array<[number, number | null, number, boolean]>)(
    '%i active of %s seats after %i days live: %s',
    (active, seats, live, holds) => {
      const u = users(Array.from({ length: active }, (_, i) => [`u${i}`, -1, 1] as [string, number, number]));
      expect(lowActiveUsers(usage({ users: u, seats, firstUsageDay: addDays(D, -live) }), T).holds).toBe(holds);
    },
  );

  it.each([
    // events per user in 30 days, holds
    [[10, 10, 10, 1], true],
    [[10, 10, 10], false], // only three users
    [[5, 5, 5, 5, 5], false], // 60 % is not above 60 %
    [[4, 4, 4, 1], false], // 13 events: under the minimum
  ] as Array<[number[], boolean]>)('users with %j events: %s', (events, holds) => {
    expect(concentratedUsage(usage({ users: users(events.map((n, i) => [`u${i}`, -2, n])) }), T).holds).toBe(holds);
  });

  it.each([
    // users 4 weeks earlier, users in the last 7 days, holds
    [5, 3, true],
    [5, 4, false], // −20 % is not beyond −20 %
    [2, 0, false], // too few users to judge
  ])('%i users four weeks ago, %i now: %s', (before, now, holds) => {
    const u = [
      ...users(Array.from({ length: before }, (_, i) => [`p${i}`, -25, 1] as [string, number, number])),
      ...users(Array.from({ length: now }, (_, i) => [`p${i}`, -1, 1] as [string, number, number])),
    ];
    expect(decliningUsage(usage({ users: u }), T).holds).toBe(holds);
  });
});

describe('knowledge loss', () => {
  it('flags a top-3 user of 90 days with no activity for 30 days, not a minor one', () => {
    const u = users([
      ['big', -40, 50],
      ['a', -1, 10],
      ['b', -1, 10],
      ['small', -45, 1],
    ]);
    const o = keyUserInactive(usage({ users: u }), T);
    expect(o.holds).toBe(true);
    expect(o.evidence.inactiveTopUsers).toEqual([
      { user: 'big', events90d: 50, lastActiveDay: addDays(D, -40), daysInactive: 40 },
    ]);
    expect(
      keyUserInactive(
        usage({
          users: users([
            ['big', -29, 50],
            ['a', -1, 10],
          ]),
        }),
        T,
      ).holds,
    ).toBe(false);
  });

  it.each([
    [-30, true],
    [-29, false],
    [null, false],
  ])('flags a champion last active on day %s: %s', (offset, holds) => {
    const champion = {
      contactId: 'c',
      name: 'Chris',
      email: 'c@x',
      userKey: 'c1',
      lastActiveDay: offset === null ? null : addDays(D, offset),
    };
    const o = keyUserInactive(usage({ champions: [champion] }), T);
    expect(o.holds).toBe(holds);
    if (holds) expect(o.severity).toBe('severe');
  });
});

describe('business change', () => {
  const weeks = (current: number, baseline: number) =>
    features([[0, current], ...Array.from({ length: 8 }, (_, i) => [-7 * (i + 1), baseline] as [number, number])]);
  it.each([
    [29, 20, true], // +45 %
    [29, 21, false], // +38 %
    [12, 21, true], // −43 %
    [13, 21, false], // −38 %
    [100, 10, false], // baseline under the minimum weekly volume
  ])('%i events this week against %i a week: %s', (current, baseline, holds) => {
    expect(volumeShift(usage({ features: weeks(current, baseline) }), T).holds).toBe(holds);
  });

  it('needs eight full weeks of history', () => {
    expect(volumeShift(usage({ features: weeks(60, 21), firstUsageDay: addDays(D, -61) }), T).holds).toBe(false);
    expect(volumeShift(usage({ features: weeks(60, 21), firstUsageDay: addDays(D, -62) }), T).holds).toBe(true);
  });
});
