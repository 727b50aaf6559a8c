/**
 * A set of tickets' service levels (pure, DESIGN §5): first responses and resolutions later than the workspace's
 * targets for the ticket's priority (SLA breaches of each kind), escalations, tickets reopened after being solved,
 * and CSAT on tickets (the share of rated tickets rated good).
 */
import { isSolvedStatus } from './import/event-log.ts';

/**
 * Hours a ticket of each priority is promised to a first response and to its resolution (solving); `normal`'s
 * covers a priority not listed. Hours run around the clock, from the ticket's creation.
 */
export interface SlaTargets {
  firstResponseHours: Record<string, number>;
  resolutionHours: Record<string, number>;
}

/** The two targets each priority has. */
export type SlaTarget = 'firstResponse' | 'resolution';

export const DEFAULT_SLA_TARGETS: SlaTargets = {
  firstResponseHours: { urgent: 1, high: 4, normal: 8, low: 24 },
  resolutionHours: { urgent: 8, high: 24, normal: 72, low: 120 },
};

/** The hours that apply when `normal` itself has no target: the default's normal. */
export const FALLBACK_HOURS: Record<SlaTarget, number> = {
  firstResponse: DEFAULT_SLA_TARGETS.firstResponseHours.normal!,
  resolution: DEFAULT_SLA_TARGETS.resolutionHours.normal!,
};

export interface ServiceLevelTicket {
  createdAt: string;
  firstResponseAt: string | null;
  /** When it was solved; null while it is open, or when its source does not tell. */
  solvedAt: string | null;
  /** The help desk's status: a solved or closed ticket without a solving time is not measured against resolution. */
  status?: string | null;
  priority?: string | null;
  tags?: readonly string[];
  reopens?: number | null;
  satisfaction?: string | null;
}

export interface ServiceLevels {
  /** Tickets answered later than their priority's first-response target, or still unanswered past it at `now`. */
  slaBreaches: number;
  /** Tickets solved later than their priority's resolution target, or still open past it at `now`. */
  resolutionBreaches: number;
  /** Of the resolution breaches, the tickets still open (a breach in progress). */
  resolutionBreachesOpen: number;
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

/** A priority's target in hours: its own, else `normal`'s, else the default's normal. */
export function targetHours(
  targets: SlaTargets,
  priority: string | null | undefined,
  target: SlaTarget = 'firstResponse',
): number {
  const hours = target === 'firstResponse' ? targets.firstResponseHours : targets.resolutionHours;
  const key = (priority ?? 'normal').trim().toLowerCase();
  return (Object.hasOwn(hours, key) ? hours[key] : undefined) ?? hours.normal ?? FALLBACK_HOURS[target];
}

const dueAt = (t: ServiceLevelTicket, targets: SlaTargets, target: SlaTarget) =>
  Date.parse(t.createdAt) + targetHours(targets, t.priority, target) * HOUR_MS;

/** Whether a ticket's first response came (or is still missing) past its target. */
export function breachedSla(t: ServiceLevelTicket, targets: SlaTargets, now: Date): boolean {
  const answered = t.firstResponseAt === null ? now.getTime() : Date.parse(t.firstResponseAt);
  return answered > dueAt(t, targets, 'firstResponse');
}

/**
 * Whether a ticket missed its resolution target: solved after it, or still open past it at `now` (a breach in
 * progress; 'open' when it is not solved). A ticket its help desk calls solved or closed without saying when is not
 * measured.
 */
export function breachedResolution(t: ServiceLevelTicket, targets: SlaTargets, now: Date): 'solved' | 'open' | false {
  const open = t.solvedAt === null;
  if (open && isSolvedStatus((t.status ?? '').trim().toLowerCase() || null)) return false;
  const solved = open ? now.getTime() : Date.parse(t.solvedAt!);
  if (solved <= dueAt(t, targets, 'resolution')) return false;
  return open ? 'open' : 'solved';
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
  const resolution = tickets.map((t) => breachedResolution(t, targets, now));
  return {
    slaBreaches: tickets.filter((t) => breachedSla(t, targets, now)).length,
    resolutionBreaches: resolution.filter(Boolean).length,
    resolutionBreachesOpen: resolution.filter((b) => b === 'open').length,
    escalations: tickets.filter(isEscalated).length,
    reopened: knowsReopens ? tickets.filter((t) => (t.reopens ?? 0) > 0).length : null,
    csat: ratings.length
      ? Math.round((ratings.filter((r) => r === 'good').length / ratings.length) * 1000) / 1000
      : null,
    rated: ratings.length,
  };
}
