import { describe, expect, it } from 'vitest';
import { contraction, noExpansion, type RuleSubscription, wholeMonths } from './revenue-signals.ts';
import { DEFAULT_REVENUE_THRESHOLDS as T } from './revenue-signals.settings.ts';

const sub = (
  id: string,
  start: string,
  end: string | null,
  arr: number,
  over: Partial<RuleSubscription> = {},
): RuleSubscription => ({
  id,
  name: `Plan ${id}`,
  accountId: 'a',
  start,
  end,
  arrCents: arr * 100,
  trial: false,
  currency: 'USD',
  ...over,
});
const book = (asOf: string, subscriptions: RuleSubscription[]) => ({ asOf, currency: 'USD', subscriptions });

describe('contraction', () => {
  it('holds when ARR is below what it was 90 days before, naming the subscriptions that changed', () => {
    // 40,000 replaced by 10,000 on 1 Oct: 120,000 → 90,000.
    const o = contraction(
      book('2026-11-20', [
        sub('base', '2025-01-01', null, 80_000),
        sub('pro', '2025-01-01', '2026-10-01', 40_000),
        sub('lite', '2026-10-01', null, 10_000),
      ]),
      T,
    );
    expect(o.holds).toBe(true);
    expect(o.evidence).toMatchObject({
      since: '2026-08-22',
      fromArr: 120_000,
      toArr: 90_000,
      change: -30_000,
      changeShare: 0.25,
    });
    expect(o.evidence.subscriptions).toEqual([
      { subscriptionId: 'pro', name: 'Plan pro', from: 40_000, to: 0 },
      { subscriptionId: 'lite', name: 'Plan lite', from: 0, to: 10_000 },
    ]);
    expect(o.severity).toBe('severe');
  });

  it('does not hold on churn (down to zero), on growth, on a drop older than the lookback, or when switched off', () => {
    expect(contraction(book('2026-11-20', [sub('x', '2025-01-01', '2026-10-01', 10_000)]), T).holds).toBe(false);
    expect(
      contraction(book('2026-11-20', [sub('x', '2025-01-01', null, 10_000), sub('y', '2026-10-01', null, 5_000)]), T)
        .holds,
    ).toBe(false);
    const old = [sub('x', '2025-01-01', '2026-05-01', 10_000), sub('y', '2026-05-01', null, 5_000)];
    expect(contraction(book('2026-11-20', old), T).holds).toBe(false);
    const down = [sub('x', '2025-01-01', '2026-10-01', 10_000), sub('y', '2026-10-01', null, 5_000)];
    expect(contraction(book('2026-11-20', down), T).holds).toBe(true);
    expect(
      contraction(book('2026-11-20', down), { ...T, contraction: { ...T.contraction, enabled: false } }).holds,
    ).toBe(false);
  });
});

describe('no expansion', () => {
  it('counts whole months', () => {
    expect(wholeMonths('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonths('2026-01-15', '2026-10-14')).toBe(8);
    expect(wholeMonths('2026-01-15', '2026-10-15')).toBe(9);
  });

  it('holds after 9 months under contract with ARR never above the start, as info', () => {
    const o = noExpansion(book('2026-10-15', [sub('x', '2026-01-15', null, 24_000)]), T);
    expect([o.holds, o.severity]).toEqual([true, 'info']);
    expect(o.evidence).toMatchObject({
      firstPaidOn: '2026-01-15',
      monthsUnderContract: 9,
      firstArr: 24_000,
      currentArr: 24_000,
    });
    expect(noExpansion(book('2026-10-14', [sub('x', '2026-01-15', null, 24_000)]), T).holds).toBe(false);
  });

  it('does not hold once ARR rose above the start (even if it fell back), after churn, or when switched off', () => {
    const rose = [sub('x', '2025-01-01', null, 24_000), sub('y', '2025-06-01', '2025-09-01', 6_000)];
    expect(noExpansion(book('2026-10-15', rose), T).holds).toBe(false);
    expect(noExpansion(book('2026-10-15', [sub('x', '2025-01-01', '2026-06-01', 24_000)]), T).holds).toBe(false);
    const flat = [sub('x', '2025-01-01', null, 24_000), sub('t', '2025-03-01', null, 9_000, { trial: true })];
    expect(noExpansion(book('2026-10-15', flat), T).holds).toBe(true);
    expect(
      noExpansion(book('2026-10-15', flat), { ...T, noExpansion: { ...T.noExpansion, enabled: false } }).holds,
    ).toBe(false);
  });
});
