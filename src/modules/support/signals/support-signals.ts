/**
 * The support-overload rules (pure, DESIGN §4 stage 4): a surge of tickets after go-live against the workspace's
 * usual first month, and a support load made mostly of "how do I" questions. Each says its figures.
 */
import type { SupportThresholds } from './support-signals.settings.ts';

const DAY_MS = 86_400_000;

export interface SupportTicketFact {
  category: string | null;
  createdAt: string;
}

export interface SupportAccountFacts {
  asOf: string;
  goLive: string | null;
  seats: number | null;
  tickets: readonly SupportTicketFact[];
}

export interface SupportRuleOutcome {
  kind: 'support.ticket_surge_after_go_live' | 'support.how_to_heavy';
  holds: boolean;
  severity: 'info' | 'warning' | 'severe';
  title: string;
  evidence: Record<string, unknown>;
}

const dayMs = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Tickets per 100 seats in the first 30 days after go-live, once those 30 days are over (else null). */
export function firstMonthPer100Seats(f: SupportAccountFacts): { tickets: number; per100Seats: number } | null {
  if (!f.goLive || !f.seats || f.seats <= 0) return null;
  const start = dayMs(f.goLive);
  if (dayMs(f.asOf) < start + 30 * DAY_MS) return null;
  const tickets = f.tickets.filter((t) => {
    const at = Date.parse(t.createdAt);
    return at >= start && at < start + 30 * DAY_MS;
  }).length;
  return { tickets, per100Seats: round1((tickets / f.seats) * 100) };
}

/** The median of the accounts' first-month rates (null with none). */
export function medianRate(rates: readonly number[]): number | null {
  if (rates.length === 0) return null;
  const s = [...rates].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return round1(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

export function ticketSurgeAfterGoLive(
  f: SupportAccountFacts,
  median: { per100Seats: number | null; accounts: number },
  t: SupportThresholds,
): SupportRuleOutcome {
  const { enabled, factor, minTickets, withinDays } = t.surgeAfterGoLive;
  const month = firstMonthPer100Seats(f);
  const recent = f.goLive !== null && dayMs(f.asOf) - dayMs(f.goLive) <= withinDays * DAY_MS;
  const ratio =
    month && median.per100Seats !== null && median.per100Seats > 0 ? month.per100Seats / median.per100Seats : null;
  const holds = enabled && recent && month !== null && month.tickets >= minTickets && ratio !== null && ratio > factor;
  return {
    kind: 'support.ticket_surge_after_go_live',
    holds,
    severity: ratio !== null && ratio > 2 * factor ? 'severe' : 'warning',
    title: month
      ? `${month.tickets} tickets in the first 30 days after go-live, ${month.per100Seats} per 100 seats`
      : 'No first month after go-live to compare',
    evidence: {
      asOf: f.asOf.slice(0, 10),
      goLive: f.goLive,
      seats: f.seats,
      tickets30d: month?.tickets ?? null,
      per100Seats: month?.per100Seats ?? null,
      medianPer100Seats: median.per100Seats,
      medianAccounts: median.accounts,
      ratio: ratio === null ? null : round1(ratio),
      factor,
      minTickets,
    },
  };
}

export function howToHeavy(f: SupportAccountFacts, t: SupportThresholds): SupportRuleOutcome {
  const { enabled, lookbackDays, minShare, minTickets } = t.howToHeavy;
  const end = dayMs(f.asOf) + DAY_MS;
  const from = end - lookbackDays * DAY_MS;
  const recent = f.tickets.filter((x) => {
    const at = Date.parse(x.createdAt);
    return at >= from && at < end;
  });
  const howTo = recent.filter((x) => x.category === 'how_to').length;
  const share = recent.length ? howTo / recent.length : null;
  const holds = enabled && recent.length >= minTickets && share !== null && share > minShare;
  return {
    kind: 'support.how_to_heavy',
    holds,
    severity: share !== null && share >= 0.75 && recent.length >= 2 * minTickets ? 'severe' : 'warning',
    title:
      share === null
        ? 'No recent tickets'
        : `${Math.round(share * 100)} % of ${recent.length} tickets in ${lookbackDays} days ask how to do something`,
    evidence: {
      asOf: f.asOf.slice(0, 10),
      lookbackDays,
      tickets: recent.length,
      howTo,
      share: share === null ? null : Math.round(share * 1000) / 1000,
      minShare,
      minTickets,
      goLive: f.goLive,
    },
  };
}
