import { describe, expect, it } from 'vitest';
import { accountRenewals } from '../modules/revenue/renewals.ts';
import { movementsBetween } from '../modules/revenue/movements.ts';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { demoSubscriptions } from './revenue.ts';

const today = new Date('2026-11-26T10:30:00Z');
const data = generateDemo(42, today);
const subs = () => demoSubscriptions(data.accounts, today, createRandom(42 ^ 0x7e7e));

describe('the demo’s subscriptions', () => {
  it('are the same for the same seed and day', () => {
    expect(subs()).toEqual(subs());
  });

  it('tell the demo’s story: renewals on the accounts’ dates, a contraction, expansions, churn and a reactivation', () => {
    const records = subs();
    const ids = new Map(data.accounts.map((a) => [a.name, a.name]));
    const facts = records.map((r, i) => ({ ...r, id: String(i), accountId: ids.get(r.accountName ?? '') ?? null }));
    // Every customer not churned renews on the renewal date its account records.
    const renewals = accountRenewals(facts, '2026-11-26');
    for (const a of data.accounts.filter((x) => x.lifecyclePhase !== 'churned'))
      expect(renewals.get(a.name)?.date, a.name).toBe(a.renewalDate);
    const year = movementsBetween(facts, '2025-11-26', '2026-11-26');
    const kinds = new Set(year.map((m) => m.kind));
    for (const kind of ['new', 'expansion', 'contraction', 'churn', 'reactivation'])
      expect(kinds, kind).toContain(kind);
    expect(records.filter((r) => r.trial)).toHaveLength(1);
  });
});
