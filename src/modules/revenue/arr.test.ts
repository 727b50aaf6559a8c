import { describe, expect, it } from 'vitest';
import { arrByAccount, firstPaidDays, lastDayOf, monthsBetween, quarterOf } from './arr.ts';
import { reportingCurrency, splitByCurrency, mixedCurrencyNote } from './currency.ts';
import { arrCentsOf, type SubscriptionFacts } from './subscription.ts';

const sub = (over: Partial<SubscriptionFacts>): SubscriptionFacts => ({
  accountId: 'a',
  start: '2024-01-01',
  end: null,
  arrCents: 120_000,
  trial: false,
  currency: 'USD',
  ...over,
});

describe('ARR of an account on a day', () => {
  it.each([
    ['the day before the start', '2023-12-31', 0],
    ['its start day', '2024-01-01', 120_000],
    ['the day before its end', '2024-06-29', 120_000],
    ['its end day (an end on a day means no ARR that day)', '2024-06-30', 0],
    ['after its end', '2024-07-01', 0],
  ])('%s', (_label, day, expected) => {
    expect(arrByAccount([sub({ end: '2024-06-30' })], day).get('a') ?? 0).toBe(expected);
  });

  it('adds the running subscriptions of an account, leaves out trials and subscriptions waiting for an account', () => {
    const subs = [
      sub({ arrCents: 100_000 }),
      sub({ arrCents: 50_000, start: '2024-03-01' }),
      sub({ arrCents: 999_900, trial: true }),
      sub({ accountId: null, arrCents: 70_000 }),
      sub({ accountId: 'b', arrCents: 30_000, end: '2024-02-01' }),
    ];
    expect([...arrByAccount(subs, '2024-01-15')]).toEqual([
      ['a', 100_000],
      ['b', 30_000],
    ]);
    expect([...arrByAccount(subs, '2024-03-01')]).toEqual([['a', 150_000]]);
  });

  it('takes MRR × 12 where only MRR is given, and the ARR where both are', () => {
    expect(arrCentsOf(null, 83_300)).toBe(999_600);
    expect(arrCentsOf(1_000_000, 83_300)).toBe(1_000_000);
    expect(arrCentsOf(null, null)).toBeNull();
  });

  it('dates an account from its first paid subscription (trials and zero ARR do not count); quarters and months', () => {
    const first = firstPaidDays([
      sub({ start: '2023-11-20', trial: true }),
      sub({ start: '2023-12-01', arrCents: 0 }),
      sub({ start: '2024-02-10' }),
      sub({ start: '2024-01-05', end: '2024-01-05' }),
    ]);
    expect(first.get('a')).toBe('2024-02-10');
    expect(quarterOf('2024-02-10')).toBe('2024-Q1');
    expect(quarterOf('2023-12-31')).toBe('2023-Q4');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});

describe('currencies', () => {
  it('reports in the workspace currency, else the one all share, and names what it leaves out', () => {
    expect(reportingCurrency(null, ['EUR', 'EUR'])).toBe('EUR');
    expect(reportingCurrency(null, ['EUR', 'USD'])).toBe('USD');
    expect(reportingCurrency('GBP', ['EUR'])).toBe('GBP');
    const split = splitByCurrency([sub({}), sub({ currency: 'EUR' }), sub({ currency: 'EUR' })], 'USD');
    expect(split.counted).toHaveLength(1);
    expect(split.excluded).toEqual([{ currency: 'EUR', subscriptions: 2 }]);
    expect(mixedCurrencyNote(split)).toBe(
      'Several currencies are mixed: these figures are in USD only; 2 in EUR are left out, not converted.',
    );
    expect(mixedCurrencyNote(splitByCurrency([sub({})], 'USD'))).toBeNull();
  });
});
