import type { SlaTargets } from './types.ts';

/** Help desks' usual priorities, most pressing first; other priorities follow by name. */
const USUAL = ['urgent', 'high', 'normal', 'low'];
/** The hours the API falls back on when `normal` has no target of its own (its default normal). */
export const FALLBACK_HOURS = { firstResponse: 8, resolution: 72 } as const;

export type Target = keyof typeof FALLBACK_HOURS;

const rank = (p: string) => (USUAL.includes(p) ? USUAL.indexOf(p) : USUAL.length);
const mapOf = (targets: SlaTargets, target: Target) =>
  target === 'firstResponse' ? targets.firstResponseHours : targets.resolutionHours;

/** The hours that apply to a priority: its own, else normal's, else the fallback (as the API counts). */
export function hoursFor(targets: SlaTargets, priority: string, target: Target): number {
  const hours = mapOf(targets, target);
  return (Object.hasOwn(hours, priority) ? hours[priority] : undefined) ?? hours.normal ?? FALLBACK_HOURS[target];
}

/** The priorities with a target of either kind, usual priorities first in their order, then the others by name. */
export const orderedPriorities = (targets: SlaTargets): string[] =>
  [...new Set([...Object.keys(targets.firstResponseHours), ...Object.keys(targets.resolutionHours)])].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );

/** Each priority with the hours of both its targets, normal's filling in a kind it has none of. */
export const orderedTargets = (targets: SlaTargets): Array<{ priority: string } & Record<Target, number>> =>
  orderedPriorities(targets).map((priority) => ({
    priority,
    firstResponse: hoursFor(targets, priority, 'firstResponse'),
    resolution: hoursFor(targets, priority, 'resolution'),
  }));

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A target said as people say it: "45 minutes", "1 hour", "1.5 hours", "3 days" (whole days from 48 hours). */
export function duration(hours: number): string {
  if (hours < 1) return plural(Math.max(1, Math.round(hours * 60)), 'minute');
  if (hours >= 48 && hours % 24 === 0) return plural(hours / 24, 'day');
  return plural(Math.round(hours * 100) / 100, 'hour');
}

export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const both = (first: number, solved: number) =>
  `first answer within ${duration(first)}, solved within ${duration(solved)}.`;

/**
 * One sentence per priority: "Urgent tickets: first answer within 1 hour, solved within 8 hours." and what covers
 * the others.
 */
export function targetSentences(targets: SlaTargets): string[] {
  const lines = orderedTargets(targets).map((t) =>
    t.priority === 'normal'
      ? `Normal tickets, and those of a priority not listed: ${both(t.firstResponse, t.resolution)}`
      : `${capitalised(t.priority)} tickets: ${both(t.firstResponse, t.resolution)}`,
  );
  if (!orderedPriorities(targets).includes('normal'))
    lines.push(`Tickets of any other priority: ${both(FALLBACK_HOURS.firstResponse, FALLBACK_HOURS.resolution)}`);
  return lines;
}

/** One kind of target in one line, for the sentence beside the breach counts: "urgent 1 hour, high 4 hours, …". */
export function targetsInLine(targets: SlaTargets, target: Target): string {
  const listed = orderedTargets(targets).map(
    (t) => `${t.priority === 'normal' ? 'normal and unlisted' : t.priority} ${duration(t[target])}`,
  );
  if (!orderedPriorities(targets).includes('normal')) listed.push(`unlisted ${duration(FALLBACK_HOURS[target])}`);
  return listed.join(', ');
}

/** The breaches of the tickets measured added up. */
export interface BreachTotals {
  measured: number;
  firstResponse: number;
  resolution: number;
  resolutionOpen: number;
}

const were = (n: number) => (n === 1 ? 'was' : 'were');

/** Both kinds of breach in sentences, naming the targets of each they are measured against. */
export function breachSentence(b: BreachTotals, targets: SlaTargets): string {
  const open =
    b.resolution === 0
      ? ''
      : b.resolutionOpen === 0
        ? ', none of them still open'
        : `, ${b.resolutionOpen} of them still open`;
  return (
    `${b.firstResponse} of the ${b.measured} tickets measured ${were(b.firstResponse)} first answered later than the ` +
    `target for ${b.firstResponse === 1 ? 'its' : 'their'} priority, or not yet answered past it (first-response ` +
    `breaches); ${b.resolution} ${were(b.resolution)} solved later than the resolution target for ` +
    `${b.resolution === 1 ? 'its' : 'their'} priority, or ` +
    `${b.resolution === 1 ? 'is' : 'are'} still open past it (resolution breaches${open}). They are measured ` +
    `against the workspace’s service-level targets, to the first answer: ${targetsInLine(targets, 'firstResponse')}; ` +
    `to solving: ${targetsInLine(targets, 'resolution')}.`
  );
}
