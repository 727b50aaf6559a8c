/**
 * The shape every module gives an account's timeline in (pure): one thing that happened, when, in a sentence, and
 * the record it is about. Each module maps its own records to entries; insights merges them into one story.
 */

/** The groups of timeline entries, one per kind of record; an entry's kind is `<group>.<what happened>`. */
export const TIMELINE_GROUPS = [
  'deal',
  'brief',
  'commitment',
  'project',
  'usage',
  'signal',
  'subscription',
  'survey',
  'touch',
  'ticket',
  'health',
] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export interface TimelineEntry {
  /** Unique within the account's timeline: the source record's id and what happened to it. */
  id: string;
  /** ISO-8601 UTC instant; a day-only fact stands at the start of its day. */
  at: string;
  kind: `${TimelineGroup}.${string}`;
  title: string;
  sentence: string;
  ref: { kind: string; id: string };
  module: string;
}

/** Which entries a source returns: those at or before `before` (an instant), newest first, at most `limit`. */
export interface TimelineRange {
  before?: string;
  limit: number;
}

/** A day (YYYY-MM-DD) or an instant as an instant. */
export const instantOf = (dayOrInstant: string): string =>
  dayOrInstant.length === 10 ? `${dayOrInstant}T00:00:00.000Z` : new Date(dayOrInstant).toISOString();

/** "5 Jan 2026": a day as the sentences say it. */
export const dayWords = (dayOrInstant: string): string =>
  new Date(instantOf(dayOrInstant)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Whether an entry's instant falls within a range's upper bound (inclusive). */
export const withinRange = (at: string, range: TimelineRange): boolean => !range.before || at <= range.before;

/** The newest `limit` entries within the range, newest first (ties by id, so pages are stable). */
export function newestFirst(entries: readonly TimelineEntry[], range: TimelineRange): TimelineEntry[] {
  return entries
    .filter((e) => withinRange(e.at, range))
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1))
    .slice(0, range.limit);
}
