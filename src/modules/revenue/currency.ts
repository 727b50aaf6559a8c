/**
 * Currencies (pure): figures add up subscriptions of one currency only. The workspace names its reporting
 * currency; without one, the currency every subscription shares (USD when they share none). Subscriptions in
 * other currencies are left out of the figures and said to be, never converted or added silently.
 */
import type { SubscriptionFacts } from './subscription.ts';

export const DEFAULT_CURRENCY = 'USD';

/** The currency the figures are given in. */
export function reportingCurrency(setting: string | null, currencies: Iterable<string>): string {
  if (setting) return setting;
  const all = new Set(currencies);
  return all.size === 1 ? ([...all][0] as string) : DEFAULT_CURRENCY;
}

export interface CurrencySplit<S extends SubscriptionFacts> {
  currency: string;
  counted: S[];
  /** Per other currency, how many subscriptions were left out. */
  excluded: Array<{ currency: string; subscriptions: number }>;
}

export function splitByCurrency<S extends SubscriptionFacts>(subs: readonly S[], currency: string): CurrencySplit<S> {
  const counted: S[] = [];
  const excluded = new Map<string, number>();
  for (const s of subs) {
    if (s.currency === currency) counted.push(s);
    else excluded.set(s.currency, (excluded.get(s.currency) ?? 0) + 1);
  }
  return {
    currency,
    counted,
    excluded: [...excluded].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => ({ currency: c, subscriptions: n })),
  };
}

/** The sentence shown beside figures when subscriptions in other currencies were left out; null when none were. */
export function mixedCurrencyNote(
  split: Pick<CurrencySplit<SubscriptionFacts>, 'currency' | 'excluded'>,
): string | null {
  if (split.excluded.length === 0) return null;
  const others = split.excluded.map((e) => `${e.subscriptions} in ${e.currency}`).join(', ');
  return `Several currencies are mixed: these figures are in ${split.currency} only; ${others} ${split.excluded.reduce((n, e) => n + e.subscriptions, 0) === 1 ? 'is' : 'are'} left out, not converted.`;
}
