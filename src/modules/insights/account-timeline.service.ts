/**
 * An account's timeline, read through every module's face: each source gives its newest entries up to where the
 * page begins, and the pure `pageOf` merges them. A source whose permission the reader lacks is not asked, so its
 * entries (money among them: subscriptions need revenue:read, health bands health:read) are left out.
 */
import type { Permission } from '../../platform/auth/permissions.ts';
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  readAccount,
  TIMELINE_GROUPS,
  type TimelineEntry,
  type TimelineGroup,
  type TimelineRange,
} from '../accounts/index.ts';
import { commitmentTimelineOf } from '../commitments/index.ts';
import { dealTimelineOf } from '../deals/index.ts';
import { projectTimelineOf } from '../delivery/index.ts';
import { briefTimelineOf } from '../handoffs/index.ts';
import { healthTimelineOf } from '../health/index.ts';
import { relationshipTimelineOf } from '../relationship/index.ts';
import { subscriptionTimelineOf } from '../revenue/index.ts';
import { signalTimelineOf } from '../signals/index.ts';
import { ticketTimelineOf } from '../support/index.ts';
import { firstUseTimelineOf } from '../usage/index.ts';
import { pageOf, type TimelineCursor, type TimelinePage } from './account-timeline.ts';

type Source = (db: Db, scope: Scope, accountId: string, range: TimelineRange) => Promise<TimelineEntry[]>;

/** Each module's face, the groups of entries it gives, and the permission a reader needs to see them. */
const SOURCES: ReadonlyArray<{ groups: readonly TimelineGroup[]; permission: Permission; read: Source }> = [
  { groups: ['deal'], permission: 'deals:read', read: dealTimelineOf },
  { groups: ['brief'], permission: 'handoffs:read', read: briefTimelineOf },
  { groups: ['commitment'], permission: 'commitments:read', read: commitmentTimelineOf },
  { groups: ['project', 'usage'], permission: 'projects:read', read: projectTimelineOf },
  { groups: ['usage'], permission: 'usage:read', read: firstUseTimelineOf },
  { groups: ['signal'], permission: 'accounts:read', read: signalTimelineOf },
  { groups: ['subscription'], permission: 'revenue:read', read: subscriptionTimelineOf },
  { groups: ['survey', 'touch'], permission: 'relationship:read', read: relationshipTimelineOf },
  { groups: ['ticket'], permission: 'support:read', read: ticketTimelineOf },
  { groups: ['health'], permission: 'health:read', read: healthTimelineOf },
];

/** Entries at one instant beyond a page's size that a source still returns, so none is lost at a page's edge. */
const TIES = 50;

export interface TimelineQuery {
  before?: string;
  after?: TimelineCursor;
  limit: number;
  groups?: readonly TimelineGroup[];
}

/** The groups a reader may see: those of the sources whose permission they hold. */
export const readableGroups = (can: (p: Permission) => boolean): TimelineGroup[] =>
  TIMELINE_GROUPS.filter((g) => SOURCES.some((s) => s.groups.includes(g) && can(s.permission)));

export async function readAccountTimeline(
  db: Db,
  scope: Scope,
  accountId: string,
  can: (p: Permission) => boolean,
  q: TimelineQuery,
): Promise<TimelinePage & { groups: TimelineGroup[] }> {
  await readAccount(db, scope, accountId);
  const readable = readableGroups(can);
  const groups = new Set(q.groups ? readable.filter((g) => q.groups?.includes(g)) : readable);
  const bound = [q.before, q.after?.at].filter((v): v is string => !!v).sort()[0];
  const range: TimelineRange = { before: bound, limit: q.limit + 1 + TIES };
  const asked = SOURCES.filter((s) => can(s.permission) && s.groups.some((g) => groups.has(g)));
  const entries = (await Promise.all(asked.map((s) => s.read(db, scope, accountId, range)))).flat();
  return { ...pageOf(entries, { groups, before: q.before, after: q.after, limit: q.limit }), groups: readable };
}
