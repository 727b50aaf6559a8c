import { describe, expect, it } from 'vitest';
import { accountRenewals, addMonths, nextRenewal, type RenewalFacts } from './renewals.ts';

const sub = (over: Partial<RenewalFacts>): RenewalFacts => ({
  id: 's1',
  accountId: 'a',
  start: '2024-01-31',
  end: null,
  arrCents: 100_000,
  trial: false,
  currency: 'USD',
  billingPeriod: 'annual',
  autoRenew: true,
  renewsOn: null,
  ...over,
});

describe('renewals', () => {
  it('clamps month ends', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 13)).toBe('2025-02-28');
  });

  it.each([
    ['an annual subscription renews on its start’s anniversary', {}, '2025-01-31', 'anniversary'],
    ['a monthly one on the next month’s day', { billingPeriod: 'monthly' }, '2024-12-31', 'anniversary'],
    ['one whose term ends ahead on its end date', { end: '2025-06-30' }, '2025-06-30', 'end_date'],
    ['the source’s current term first', { renewsOn: '2025-01-15' }, '2025-01-15', 'current_term'],
    ['an anniversary that is today', { start: '2023-12-20' }, '2024-12-20', 'anniversary'],
  ] as const)('%s', (_label, over, date, basis) => {
    expect(nextRenewal(sub(over), '2024-12-20')).toEqual({ date, basis });
  });

  it('trials, ended and future subscriptions do not renew', () => {
    expect(nextRenewal(sub({ trial: true }), '2024-12-20')).toBeNull();
    expect(nextRenewal(sub({ end: '2024-12-20' }), '2024-12-20')).toBeNull();
    expect(nextRenewal(sub({ start: '2025-01-01' }), '2024-12-20')).toBeNull();
  });

  it('an account renews at the earliest of its subscriptions, with all renewing that day', () => {
    const r = accountRenewals(
      [
        sub({ id: 's1', start: '2024-03-01' }),
        sub({ id: 's2', start: '2023-03-01', arrCents: 50_000, autoRenew: false }),
        sub({ id: 's3', start: '2024-06-01' }),
      ],
      '2024-12-20',
    );
    expect(r.get('a')).toEqual({
      accountId: 'a',
      date: '2025-03-01',
      basis: 'anniversary',
      subscriptionIds: ['s1', 's2'],
      arrCents: 150_000,
      autoRenew: false,
    });
  });
});
