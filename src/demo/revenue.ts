/**
 * The demo's subscriptions (pure): one annual subscription per customer, started a whole number of years before its
 * renewal date so that it comes up for renewal that day, priced by segment. The story the rest of the demo tells is
 * kept: churned customers' subscriptions ended; some customers renewing now shrank at their last renewal
 * (contraction); some live customers bought an add-on in the last months (expansion); one churned customer came
 * back (reactivation); a customer still onboarding started on a trial.
 */
import type { Segment } from '../modules/accounts/index.ts';
import type { SubscriptionRecord } from '../modules/revenue/index.ts';
import type { DemoAccount } from './demo.ts';
import type { Random } from './random.ts';

const ARR_RANGE: Readonly<Record<Segment, readonly [number, number]>> = {
  enterprise: [90_000, 260_000],
  mid_market: [24_000, 80_000],
  smb: [6_000, 18_000],
};
const SEAT_PRICE: Readonly<Record<Segment, number>> = { enterprise: 600, mid_market: 480, smb: 360 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const addYears = (day: string, n: number) =>
  `${Number(day.slice(0, 4)) + n}${day.slice(4)}`.replace('-02-29', '-02-28');

const record = (
  a: DemoAccount,
  n: number,
  over: Pick<SubscriptionRecord, 'start' | 'end' | 'arrCents' | 'plan'> & Partial<SubscriptionRecord>,
): SubscriptionRecord => ({
  source: 'demo',
  externalId: `demo-${a.domain}-${n}`,
  accountRef: null,
  accountName: a.name,
  mrrCents: Math.round(over.arrCents / 12),
  seats: Math.max(1, Math.round(over.arrCents / 100 / SEAT_PRICE[a.segment])),
  trial: false,
  currency: 'USD',
  billingPeriod: 'annual',
  autoRenew: true,
  renewsOn: null,
  status: null,
  ...over,
});

export function demoSubscriptions(accounts: readonly DemoAccount[], today: Date, rng: Random): SubscriptionRecord[] {
  const day = iso(today);
  const out: SubscriptionRecord[] = [];
  let contractions = 0;
  let expansions = 0;
  let reactivated = false;
  let trial = false;
  for (const a of accounts) {
    const [lo, hi] = ARR_RANGE[a.segment];
    const arr = Math.round(rng.int(lo, hi) / 100) * 100 * 100;
    const plan = a.segment === 'enterprise' ? 'Enterprise' : a.segment === 'mid_market' ? 'Business' : 'Team';
    if (a.lifecyclePhase === 'churned' || !a.renewalDate) {
      // Left at the end of a term: one to three years, ended between a month and eight months ago; one customer
      // left fourteen months ago and came back on a smaller plan six weeks ago.
      const returns = !reactivated && a.segment !== 'smb';
      const end = returns ? addDays(day, -420) : addDays(day, -rng.int(30, 240));
      const start = addYears(end, -rng.int(1, 3));
      out.push(record(a, 1, { start, end, arrCents: arr, plan }));
      if (returns) {
        reactivated = true;
        out.push(record(a, 2, { start: addDays(day, -42), end: null, arrCents: Math.round(arr * 0.6), plan }));
      }
      continue;
    }
    // The whole number of years before the renewal that puts the start in the past.
    let start = addYears(a.renewalDate, -1);
    while (start > day) start = addYears(start, -1);
    if (a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing') start = addYears(start, -rng.int(0, 2));
    if (a.lifecyclePhase === 'renewing' && contractions < 3 && start < addYears(a.renewalDate, -1)) {
      // Renewed a year ago on fewer seats.
      contractions += 1;
      const lastRenewal = addYears(a.renewalDate, -1);
      out.push(record(a, 1, { start, end: lastRenewal, arrCents: arr, plan }));
      out.push(
        record(a, 2, { start: lastRenewal, end: null, arrCents: Math.round(arr * 0.7), plan, renewsOn: a.renewalDate }),
      );
      continue;
    }
    if (a.lifecyclePhase === 'onboarding' && !trial) {
      // Tried it for a month before signing.
      trial = true;
      out.push(record(a, 0, { start: addDays(start, -30), end: start, arrCents: 0, plan, trial: true }));
    }
    // Its current term (one year, or two for a customer that signed ahead) ends on the renewal date.
    out.push(record(a, 1, { start, end: null, arrCents: arr, plan, renewsOn: a.renewalDate }));
    if (a.lifecyclePhase === 'live' && expansions < 6 && rng.chance(0.15)) {
      // An add-on bought in the last five months.
      expansions += 1;
      out.push(
        record(a, 2, {
          start: addDays(day, -rng.int(20, 150)),
          end: null,
          arrCents: Math.round(arr * 0.25),
          plan: 'Analytics add-on',
        }),
      );
    }
  }
  return out;
}
