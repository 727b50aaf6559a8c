import type { SlaTargets } from './types.ts';

/** Help desks' usual priorities, most pressing first; other priorities follow by name. */
const USUAL = ['urgent', 'high', 'normal', 'low'];
/** The hours the API falls back on when `normal` has no target of its own. */
export const FALLBACK_HOURS = 8;

const rank = (p: string) => (USUAL.includes(p) ? USUAL.indexOf(p) : USUAL.length);

/** The targets as [priority, hours], usual priorities first in their order, then the others by name. */
export const orderedTargets = (targets: SlaTargets): Array<[string, number]> =>
  Object.entries(targets.firstResponseHours).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A target said as people say it: "45 minutes", "1 hour", "1.5 hours", "3 days" (whole days from 48 hours). */
export function duration(hours: number): string {
  if (hours < 1) return plural(Math.max(1, Math.round(hours * 60)), 'minute');
  if (hours >= 48 && hours % 24 === 0) return plural(hours / 24, 'day');
  return plural(Math.round(hours * 100) / 100, 'hour');
}

export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence per priority: "Urgent tickets: first answer within 1 hour." and what covers the others. */
export function targetSentences(targets: SlaTargets): string[] {
  const lines = orderedTargets(targets).map(([priority, hours]) =>
    priority === 'normal'
      ? `Normal tickets, and those of a priority not listed: first answer within ${duration(hours)}.`
      : `${capitalised(priority)} tickets: first answer within ${duration(hours)}.`,
  );
  if (!Object.hasOwn(targets.firstResponseHours, 'normal'))
    lines.push(`Tickets of any other priority: first answer within ${duration(FALLBACK_HOURS)}.`);
  return lines;
}

/** The targets in one line, for the sentence beside the breach counts: "urgent 1 hour, high 4 hours, …". */
export function targetsInLine(targets: SlaTargets): string {
  const listed = orderedTargets(targets).map(
    ([p, h]) => `${p === 'normal' ? 'normal and unlisted' : p} ${duration(h)}`,
  );
  if (!Object.hasOwn(targets.firstResponseHours, 'normal')) listed.push(`unlisted ${duration(FALLBACK_HOURS)}`);
  return listed.join(', ');
}
