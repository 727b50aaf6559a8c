/**
 * The demo's churn-risk history (pure): the attributes a success team keeps per customer in its own sheet (how much
 * of the training its people completed, days since the last business review, tickets, open escalations, an
 * executive sponsor, the plan; none of them figures the demo shows elsewhere) and the renewal outcome of the
 * customers whose renewal is behind them: the churned ones, and the live ones that renewed in the last four
 * months (their next renewal is more than eight months away). Each customer's attributes are drawn around a hidden
 * risk that is higher for those who left, with noise, so the backtest finds a real but imperfect signal; the
 * customers still to renew are the ones the model scores.
 */
import type { Segment } from '../modules/accounts/index.ts';
import type { DemoAccount } from './demo.ts';
import type { Random } from './random.ts';

/** The attribute columns, as a customer-success export would name them. */
export const RISK_ATTRIBUTES = [
  'Training completion %',
  'Days since last QBR',
  'Support tickets (90 days)',
  'Open escalations',
  'Executive sponsor',
  'Plan',
] as const;
export type RiskAttribute = (typeof RISK_ATTRIBUTES)[number];

export interface DemoRiskRow {
  accountName: string;
  attributes: Record<RiskAttribute, string>;
  /** 1 churned, 0 renewed, null still to come. */
  outcome: 0 | 1 | null;
  outcomeRecordedOn: string | null;
}

/** A live customer whose renewal is at least this many days away renewed recently: its outcome is known. */
export const RENEWED_IF_NEXT_AFTER_DAYS = 215;

const PLAN: Readonly<Record<Segment, string>> = { enterprise: 'Enterprise', mid_market: 'Growth', smb: 'Starter' };
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayOf = (today: Date, n: number) =>
  iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n)));
const daysUntil = (today: Date, day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${iso(today)}T00:00:00Z`)) / 86_400_000);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A standard normal draw (Box–Muller). */
function normal(rng: Random): number {
  const u = Math.max(1e-12, rng.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** One customer's attributes drawn around its hidden risk `z` (higher: closer to leaving). */
function draw(rng: Random, segment: Segment, z: number): DemoRiskRow['attributes'] {
  const training = Math.round(clamp(74 - 14 * z + 13 * normal(rng), 5, 100));
  const qbr = Math.round(clamp(70 + 32 * z + 30 * normal(rng), 7, 400));
  const tickets = Math.max(0, Math.round((segment === 'enterprise' ? 6 : 3) + 2 * z + 2.5 * normal(rng)));
  const escalations = Math.max(0, Math.round(0.3 + 0.6 * z + 0.7 * normal(rng)));
  const sponsor = rng.chance(clamp(0.65 - 0.15 * z, 0.1, 0.95));
  return {
    'Training completion %': String(training),
    'Days since last QBR': String(qbr),
    'Support tickets (90 days)': String(tickets),
    'Open escalations': String(escalations),
    'Executive sponsor': sponsor ? 'yes' : 'no',
    Plan: PLAN[segment],
  };
}

/** Every demo customer's attributes, with the outcome of those whose renewal is behind them. */
export function demoRiskHistory(accounts: readonly DemoAccount[], today: Date, rng: Random): DemoRiskRow[] {
  return accounts.map((a) => {
    const next = a.renewalDate === null ? null : daysUntil(today, a.renewalDate);
    const churned = a.lifecyclePhase === 'churned';
    const renewed = a.lifecyclePhase === 'live' && next !== null && next >= RENEWED_IF_NEXT_AFTER_DAYS;
    const lean = churned ? 1.5 : renewed ? -0.3 : a.lifecyclePhase === 'renewing' ? 0.4 : 0;
    const attributes = draw(rng, a.segment, lean + normal(rng));
    if (churned)
      return { accountName: a.name, attributes, outcome: 1, outcomeRecordedOn: dayOf(today, -rng.int(20, 330)) };
    if (renewed)
      return {
        accountName: a.name,
        attributes,
        outcome: 0,
        outcomeRecordedOn: dayOf(today, Math.min(-1, (next ?? 365) - 365)),
      };
    return { accountName: a.name, attributes, outcome: null, outcomeRecordedOn: null };
  });
}
