/**
 * A set of tickets' service levels (pure, DESIGN §5): first responses later than the workspace's target for the
 * ticket's priority (SLA breaches), escalations, tickets reopened after being solved, and CSAT on tickets (the
 * share of rated tickets rated good).
 */

/** Hours to a first response a ticket of each priority is promised; `normal` for a priority not listed. */
export interface SlaTargets {
  firstResponseHours: Record<string, number>;
}

export const DEFAULT_SLA_TARGETS: SlaTargets = { firstResponseHours: { urgent: 1, high: 4, normal: 8, low: 24 } };

export interface ServiceLevelTicket {
  createdAt: string;
  firstResponseAt: string | null;
  priority?: string | null;
  tags?: readonly string[];
  reopens?: number | null;
  satisfaction?: string | null;
}

export interface ServiceLevels {
  /** Tickets answered later than their priority's target, or still unanswered past it at `now`. */
  slaBreaches: number;
  /** Tickets tagged as escalated (a tag with "escalat" in it: escalated, escalation, tier-2-escalation …). */
  escalations: number;
  /** Tickets that left solved again at least once; null when no ticket's source tells reopens. */
  reopened: number | null;
  /** Tickets rated good ÷ tickets rated; null with no rating. */
  csat: number | null;
  /** Tickets with a rating. */
  rated: number;
}

const HOUR_MS = 3_600_000;

/** The target of a priority in hours: its own, else `normal`'s, else 8. */
export function targetHours(targets: SlaTargets, priority: string | null | undefined): number {
  const hours = targets.firstResponseHours;
  const key = (priority ?? 'normal').trim().toLowerCase();
  return (Object.hasOwn(hours, key) ? hours[key] : undefined) ?? hours.normal ?? 8;
}

/** Whether a ticket's first response came (or is still missing) past its target. */
export function breachedSla(t: ServiceLevelTicket, targets: SlaTargets, now: Date): boolean {
  const due = Date.parse(t.createdAt) + targetHours(targets, t.priority) * HOUR_MS;
  const answered = t.firstResponseAt === null ? now.getTime() : Date.parse(t.firstResponseAt);
  return answered > due;
}

const GOOD = new Set(['good', 'satisfied', 'positive', 'great', 'happy', 'yes']);
const BAD = new Set(['bad', 'unsatisfied', 'dissatisfied', 'negative', 'poor', 'no']);

/**
 * A help desk's satisfaction rating read as good or bad: Zendesk's good/bad, words alike, a score 1–5 (4 and 5
 * are good, DESIGN §5) or a percentage; null for no rating ("offered", "unoffered", blank).
 */
export function ratingOf(raw: string | null | undefined): 'good' | 'bad' | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') return null;
  if (GOOD.has(v)) return 'good';
  if (BAD.has(v)) return 'bad';
  const n = Number(v.replace(/\s*(\/\s*5|%)$/, ''));
  if (!Number.isFinite(n)) return null;
  if (v.endsWith('%') || n > 5) return n >= 80 ? 'good' : 'bad';
  if (n < 1) return null;
  return n >= 4 ? 'good' : 'bad';
}

export const isEscalated = (t: ServiceLevelTicket): boolean => (t.tags ?? []).some((tag) => /escalat/i.test(tag));

export function serviceLevels(tickets: readonly ServiceLevelTicket[], targets: SlaTargets, now: Date): ServiceLevels {
  const ratings = tickets.map((t) => ratingOf(t.satisfaction)).filter((r) => r !== null);
  const knowsReopens = tickets.some((t) => t.reopens !== null && t.reopens !== undefined);
  return {
    slaBreaches: tickets.filter((t) => breachedSla(t, targets, now)).length,
    escalations: tickets.filter(isEscalated).length,
    reopened: knowsReopens ? tickets.filter((t) => (t.reopens ?? 0) > 0).length : null,
    csat: ratings.length
      ? Math.round((ratings.filter((r) => r === 'good').length / ratings.length) * 1000) / 1000
      : null,
    rated: ratings.length,
  };
}
