/**
 * An account's whole story (pure): every module's entries merged newest first and paged by a cursor that names the
 * last entry shown, so a page never repeats or skips one, even among entries at the same instant.
 */
import { AppError } from '../../platform/errors/app-error.ts';
import { TIMELINE_GROUPS, type TimelineEntry, type TimelineGroup } from '../accounts/index.ts';

/**
 * The groups named in a comma-separated list (`project,survey`); undefined when no list was given. Unknown names
 * are refused naming `field`.
 */
export function timelineGroupsOf(kinds: string | undefined, field: string): TimelineGroup[] | undefined {
  if (kinds === undefined) return undefined;
  const asked = kinds
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = asked.filter((k) => !(TIMELINE_GROUPS as readonly string[]).includes(k));
  if (unknown.length > 0) throw AppError.validation(field, `${unknown.join(', ')}: use ${TIMELINE_GROUPS.join(', ')}`);
  return asked as TimelineGroup[];
}

/** Where a page continues: after the entry at this instant with this id. */
export interface TimelineCursor {
  at: string;
  id: string;
}

export const isTimelineCursor = (v: unknown): v is TimelineCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as TimelineCursor).at === 'string' &&
  typeof (v as TimelineCursor).id === 'string';

/** Newest first; at one instant, by id (descending), the order the sources use too. */
export const compareEntries = (a: TimelineEntry, b: TimelineEntry): number =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

/** Whether an entry comes after the cursor in the timeline's order (is older, or as old with a lower id). */
export const isAfter = (e: TimelineEntry, c: TimelineCursor): boolean => e.at < c.at || (e.at === c.at && e.id < c.id);

export const groupOf = (e: TimelineEntry): TimelineGroup => e.kind.split('.')[0] as TimelineGroup;

export interface TimelinePage {
  items: TimelineEntry[];
  next: TimelineCursor | null;
}

/**
 * One page from every source's entries: only the groups asked for, strictly before `before` (an instant) and after
 * the cursor, each entry once (sources may overlap at a page's edge), at most `limit`.
 */
export function pageOf(
  entries: readonly TimelineEntry[],
  opts: { groups: ReadonlySet<TimelineGroup>; before?: string; after?: TimelineCursor; limit: number },
): TimelinePage {
  const seen = new Set<string>();
  const kept = entries
    .filter((e) => opts.groups.has(groupOf(e)))
    .filter((e) => !opts.before || e.at < opts.before)
    .filter((e) => !opts.after || isAfter(e, opts.after))
    .filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)))
    .sort(compareEntries);
  const items = kept.slice(0, opts.limit);
  const last = items.at(-1);
  return { items, next: kept.length > opts.limit && last ? { at: last.at, id: last.id } : null };
}
