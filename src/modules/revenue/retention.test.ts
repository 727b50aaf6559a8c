import { describe, expect, it } from 'vitest';
import { classify, monthlyMovements, movementsBetween } from './movements.ts';
import { cohortRetention, retention, waterfall } from './retention.ts';
import type { SubscriptionFacts } from './subscription.ts';

const sub = (
  accountId: string,
  start: string,
  end: string | null,
  dollars: number,
  trial = false,
): SubscriptionFacts => ({
  accountId,
  start,
  end,
  arrCents: dollars * 100,
  trial,
  currency: 'USD',
});

/**
 * A small book, figures worked out by hand for 2024-01-01 → 2024-12-31:
 * - A: 1,000 all year, + a second 500 from 2024-06-01 → expansion 500
 * - B: 2,000 until 2024-05-01, then 1,500 → contraction 500
 * - C: 3,000 ending 2024-03-01 → churn 3,000
 * - D: 800 ending 2024-04-01, back at 600 from 2024-09-01 → zero and back within the period: contraction 200 only
 * - E: new on 2024-02-01 at 700 (a trial before it counts for nothing) → not in retention; new in the waterfall
 * - F: paid 400 in 2023 until 2023-10-01, back at 900 on 2024-07-01 → reactivation in the waterfall
 * - G: ends on 2024-12-31 exactly (900) → no ARR on the 31st: churn 900
 */
const book = [
  sub('A', '2023-06-01', null, 1000),
  sub('A', '2024-06-01', null, 500),
  sub('B', '2023-02-01', '2024-05-01', 2000),
  sub('B', '2024-05-01', null, 1500),
  sub('C', '2023-09-15', '2024-03-01', 3000),
  sub('D', '2023-12-01', '2024-04-01', 800),
  sub('D', '2024-09-01', null, 600),
  sub('E', '2024-01-10', '2024-02-01', 5000, true),
  sub('E', '2024-02-01', null, 700),
  sub('F', '2023-01-01', '2023-10-01', 400),
  sub('F', '2024-07-01', null, 900),
  sub('G', '2023-03-01', '2024-12-31', 900),
];

describe('retention over a period (each account’s net change counted once)', () => {
  it('adds up the hand-worked book', () => {
    // start: A 1000 + B 2000 + C 3000 + D 800 + G 900 = 7,700; end: A 1500 + B 1500 + D 600 = 3,600
    expect(retention(book, '2024-01-01', '2024-12-31')).toEqual({
      accounts: 5,
      startArr: 770_000,
      expansion: 50_000,
      contraction: 70_000,
      churn: 390_000,
      endArr: 360_000,
      grr: 0.4026, // (7700 − 700 − 3900) / 7700
      nrr: 0.4675, // (7700 + 500 − 700 − 3900) / 7700
    });
  });

  it('has no ratios when no account had ARR on the first day', () => {
    expect(retention(book, '2022-01-01', '2024-12-31')).toMatchObject({ accounts: 0, grr: null, nrr: null });
  });

  it('an account at zero then back within the period is neither churn nor reactivation', () => {
    const d = book.filter((s) => s.accountId === 'D');
    expect(retention(d, '2024-01-01', '2024-12-31')).toMatchObject({ churn: 0, contraction: 20_000, endArr: 60_000 });
    expect(movementsBetween(d, '2024-01-01', '2024-12-31')).toEqual([
      { accountId: 'D', kind: 'contraction', cents: 20_000, before: 80_000, after: 60_000 },
    ]);
  });

  it('groups accounts by the quarter of their first paid subscription', () => {
    const cohorts = cohortRetention(book, '2024-01-01', '2024-12-31');
    expect(cohorts.map((c) => [c.cohort, c.accounts, c.startArr, c.endArr, c.nrr])).toEqual([
      ['2023-Q1', 2, 290_000, 150_000, 0.5172], // B, G
      ['2023-Q2', 1, 100_000, 150_000, 1.5], // A
      ['2023-Q3', 1, 300_000, 0, 0], // C
      ['2023-Q4', 1, 80_000, 60_000, 0.75], // D
    ]);
  });

  it('the waterfall reconciles every account’s ARR from the first day to the last', () => {
    const w = waterfall(book, '2024-01-01', '2024-12-31');
    expect(w).toEqual({
      start: 770_000,
      new: 70_000,
      reactivation: 90_000,
      expansion: 50_000,
      contraction: 70_000,
      churn: 390_000,
      end: 520_000,
    });
    expect(w.start + w.new + w.reactivation + w.expansion - w.contraction - w.churn).toBe(w.end);
  });
});

describe('movements', () => {
  it.each([
    [0, 100, false, 'new', 100],
    [0, 100, true, 'reactivation', 100],
    [100, 0, true, 'churn', 100],
    [100, 150, true, 'expansion', 50],
    [100, 40, true, 'contraction', 60],
  ] as const)('%i → %i (paid before: %s) is %s of %i', (before, after, paid, kind, cents) => {
    expect(classify(before, after, paid)).toMatchObject({ kind, cents });
  });

  it('no change is no movement', () => expect(classify(100, 100, true)).toBeNull());

  it('month by month: each month from the last day of the month before to its own last day', () => {
    const months = monthlyMovements(book, '2024-02', '2024-05');
    expect(months.map((m) => [m.month, m.new, m.churn, m.contraction, m.expansion, m.reactivation, m.net])).toEqual([
      ['2024-02', 70_000, 0, 0, 0, 0, 70_000], // E starts 1 Feb
      ['2024-03', 0, 300_000, 0, 0, 0, -300_000], // C ends 1 Mar
      ['2024-04', 0, 80_000, 0, 0, 0, -80_000], // D ends 1 Apr
      ['2024-05', 0, 0, 50_000, 0, 0, -50_000], // B 2000 → 1500 on 1 May
    ]);
    expect(months[0]).toMatchObject({ startArr: 770_000, endArr: 840_000, counts: { new: 1 } });
    const sept = monthlyMovements(book, '2024-09', '2024-09')[0];
    // D had paid before: its return in September is a reactivation.
    expect(sept).toMatchObject({ reactivation: 60_000, counts: { reactivation: 1 } });
  });
});
