import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  adoptionNumbers,
  dailySeries,
  type DayFeatureRow,
  type DayUserRow,
  isDay,
  totalAndTopThree,
} from './adoption.ts';
import { featureOf, rollupsOf } from './rollup.ts';

const DAY = '2026-11-20';
const u = (offset: number, user_key: string, events = 1): DayUserRow => ({
  day: addDays(DAY, offset),
  user_key,
  events,
});
const f = (offset: number, feature: string, events = 1): DayFeatureRow => ({
  day: addDays(DAY, offset),
  feature,
  events,
});

describe('adoption numbers', () => {
  it.each([
    {
      name: 'no usage',
      users: [],
      features: [],
      seats: null,
      want: { dau: 0, wau: 0, mau: 0, adoptionRate: null, featureBreadth: 0, concentration: null, events30d: 0 },
    },
    {
      name: 'windows include the reference day and stop at 7 and 30 days',
      users: [u(0, 'a'), u(-6, 'b'), u(-7, 'c'), u(-29, 'd'), u(-30, 'e'), u(1, 'f')],
      features: [f(0, 'x'), f(-29, 'y'), f(-30, 'z'), f(1, 'w')],
      seats: 8,
      want: { dau: 1, wau: 2, mau: 4, adoptionRate: 0.5, featureBreadth: 2, events30d: 2 },
    },
    {
      name: 'seats 0 give no rate',
      users: [u(0, 'a')],
      features: [f(0, 'x')],
      seats: 0,
      want: { mau: 1, adoptionRate: null },
    },
    {
      name: 'rate may exceed 1',
      users: [u(0, 'a'), u(-1, 'b'), u(-2, 'c')],
      features: [],
      seats: 2,
      want: { adoptionRate: 1.5 },
    },
    {
      name: 'concentration is the top 3 users’ share of 30-day events',
      users: [u(0, 'a', 5), u(-1, 'a', 5), u(0, 'b', 4), u(0, 'c', 3), u(0, 'd', 2), u(-5, 'e', 1), u(-40, 'f', 100)],
      features: [],
      seats: null,
      want: { concentration: 17 / 20, mau: 5, dau: 4 },
    },
  ])('$name', ({ users, features, seats, want }) => {
    expect(adoptionNumbers(DAY, features, users, seats)).toMatchObject(want);
  });

  it.each([
    {
      name: 'growth',
      users: [u(0, 'a'), u(-3, 'b'), u(-6, 'c'), u(-21, 'a'), u(-27, 'b')],
      want: { current: 3, previous: 2, changePct: 50 },
    },
    {
      name: 'decline',
      users: [u(0, 'a'), u(-22, 'a'), u(-23, 'b'), u(-24, 'c'), u(-25, 'd')],
      want: { current: 1, previous: 4, changePct: -75 },
    },
    {
      name: 'days outside both weeks do not count',
      users: [u(-7, 'a'), u(-20, 'b'), u(-28, 'c')],
      want: { current: 0, previous: 0, changePct: null },
    },
    { name: 'no earlier week', users: [u(0, 'a')], want: { current: 1, previous: 0, changePct: null } },
  ])('trend: $name', ({ users, want }) => {
    expect(adoptionNumbers(DAY, [], users, null).trend).toEqual(want);
  });

  it('gives 30 daily points, oldest first, zero on days without usage', () => {
    const s = dailySeries(
      DAY,
      [f(0, 'x', 3), f(0, 'y', 2), f(-29, 'x', 1), f(-30, 'x', 9)],
      [u(0, 'a', 4), u(0, 'b', 1), u(-29, 'a')],
    );
    expect(s).toHaveLength(30);
    expect(s[0]).toEqual({ day: '2026-10-22', activeUsers: 1, events: 1 });
    expect(s[29]).toEqual({ day: DAY, activeUsers: 2, events: 5 });
    expect(s[15]).toEqual({ day: '2026-11-06', activeUsers: 0, events: 0 });
  });

  it.each([
    ['2026-11-20', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['20261120', false],
    ['yesterday', false],
  ])('isDay(%s) is %s', (text, ok) => expect(isDay(text)).toBe(ok));
});

describe('the three heaviest users', () => {
  it('sum to what sorting every total gives, with ties, fewer than three users, and numeric text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }), fc.boolean(), (totals, asText) => {
        const sorted = [...totals].sort((a, b) => b - a);
        const expected = [sorted.reduce((n, v) => n + v, 0), sorted.slice(0, 3).reduce((n, v) => n + v, 0)];
        expect(totalAndTopThree(asText ? totals.map(String) : totals)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rollups', () => {
  it.each([
    [{ type: 'track', event: 'Report Published' }, 'Report Published'],
    [{ type: 'page', event: 'Dashboard' }, 'page:Dashboard'],
    [{ type: 'page', event: null }, 'page'],
    [{ type: 'screen', event: 'Home' }, 'screen:Home'],
    [{ type: 'identify', event: null }, null],
    [{ type: 'group', event: null }, null],
    [{ type: 'alias', event: null }, null],
  ])('feature of %o is %s', (e, want) => expect(featureOf(e)).toBe(want));

  it('sums per distinct key and skips events without an account or feature', () => {
    const e = (account_id: string | null, type: string, event: string | null, user: string, at: string) => ({
      account_id,
      type,
      event,
      user_id: user,
      anonymous_id: null,
      occurred_at: at,
    });
    const { features, users } = rollupsOf([
      e('A', 'track', 'Login', 'u1', '2026-11-20T10:00:00.000Z'),
      e('A', 'track', 'Login', 'u1', '2026-11-20T23:59:59.999Z'),
      e('A', 'track', 'Login', 'u2', '2026-11-21T00:00:00.000Z'),
      e('A', 'identify', null, 'u3', '2026-11-20T10:00:00.000Z'),
      e(null, 'track', 'Login', 'u1', '2026-11-20T10:00:00.000Z'),
      {
        account_id: 'B',
        type: 'page',
        event: 'Home',
        user_id: null,
        anonymous_id: 'anon',
        occurred_at: '2026-11-20T10:00:00.000Z',
      },
    ]);
    expect(features).toEqual([
      { account_id: 'A', day: '2026-11-20', feature: 'Login', events: 2 },
      { account_id: 'A', day: '2026-11-21', feature: 'Login', events: 1 },
      { account_id: 'B', day: '2026-11-20', feature: 'page:Home', events: 1 },
    ]);
    expect(users).toEqual([
      { account_id: 'A', day: '2026-11-20', user_key: 'u1', events: 2 },
      { account_id: 'A', day: '2026-11-21', user_key: 'u2', events: 1 },
      { account_id: 'B', day: '2026-11-20', user_key: 'anon', events: 1 },
    ]);
  });
});
