import { describe, expect, it } from 'vitest';
import { costOfDelay, daysSlipped } from './cost-of-delay.ts';

describe('cost of delay', () => {
  it('is ARR / 52 a week, times the weeks slipped', () => {
    expect(costOfDelay({ currency: 'USD', arr: 104_000 }, 21)).toEqual({
      amount: 6000,
      weekly: 2000,
      days: 21,
      currency: 'USD',
      sentence: 'Each week of delay costs about USD 2,000 (ARR USD 104,000 / 52); 21 days slipped so far: USD 6,000.',
    });
  });

  it('adds the delivery burn and the waiting expansion, and falls back to the deal’s value', () => {
    const c = costOfDelay({ currency: 'EUR', arr: null, dealValue: 52_000, weeklyBurn: 1500, expansionArr: 26_000 }, 7);
    expect(c).toMatchObject({ weekly: 3000, amount: 3000, currency: 'EUR' });
    expect(c!.sentence).toBe(
      'Each week of delay costs about EUR 3,000 (the deal’s value EUR 52,000 / 52 + delivery burn EUR 1,500 a week + ' +
        'waiting expansion EUR 26,000 / 52); 7 days slipped so far: EUR 3,000.',
    );
  });

  it('gives the weekly figure when no slip is known, and nothing without money', () => {
    expect(costOfDelay({ currency: 'USD', arr: 52_000 }, null)).toMatchObject({
      amount: 1000,
      weekly: 1000,
      days: null,
    });
    expect(costOfDelay({ currency: 'USD', arr: null }, 14)).toBeNull();
    expect(costOfDelay({ currency: 'USD', arr: 0 }, 14)).toBeNull();
  });

  it.each([
    ['ttv.forecast_late', { daysLate: 12 }, 12],
    ['ttv.first_value_overdue', { daysOverdue: 5 }, 5],
    ['ttv.repeated_slips', { slips: [{ days: 10 }, { days: 4 }, {}] }, 14],
    ['relationship.touch_surge', { daysLate: 3 }, null],
    ['ttv.forecast_late', { daysLate: 'soon' }, null],
  ])('reads the days %s slipped from its evidence', (kind, evidence, days) => {
    expect(daysSlipped(kind, evidence)).toBe(days);
  });
});
