/**
 * Storing several ingest requests of one workspace in one transaction (group commit): one user lookup, one
 * account lookup, one insert per 500 events deciding what is new, one rollup upsert per distinct key and one
 * request record each, whatever the number of requests. Each request keeps its own outcome: an event two
 * requests of the group both carry is stored for the first and a duplicate for the second.
 */
import { accountsByReference } from '../../accounts/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { queueWatchedFirstUses } from '../adoption/first-use.service.ts';
import { addToRollups } from '../adoption/rollup.store.ts';
import type { RollupEvent } from '../adoption/rollup.ts';
import * as store from './event.store.ts';
import { publishUsageIngested } from './ingest.events.ts';
import * as requestStore from './ingest-request.store.ts';
import type { UsageEventTable } from './ingest.table.ts';
import { type UsageMessage, type UsageSource, userGroups } from './usage-event.ts';
import { keepUserTeams } from '../teams/team.service.ts';

export interface IngestRequest {
  workspaceId: string;
  source: UsageSource;
  actor: Actor;
  messages: UsageMessage[];
}

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
  /** New events stored without an account. */
  unmatched: number;
  /** Events kept aside earlier that now have their account. */
  rematched: number;
  lastEventAt: string | null;
}

/** Entries in the order of their text key (concurrent PostgreSQL writers then lock rows in one order). */
export const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byEventKey = (a: UsageEventTable, b: UsageEventTable) =>
  compare(a.source, b.source) || compare(a.message_id, b.message_id);

/**
 * Stores the requests of one workspace (call inside a transaction). A user mapped to a group with an account gives
 * that account to the events the user sent earlier without a group of their own, kept aside until now (those
 * users' events only, through an index of the events kept aside: a backlog of other events kept aside costs
 * nothing here). Returns one outcome per request, in order.
 */
export async function ingestWorkspaceRequests(
  db: Db,
  workspaceId: string,
  requests: readonly IngestRequest[],
): Promise<IngestOutcome[]> {
  const receivedAt = nowIso();
  // User → group as the requests state it, later requests winning, with the actor who stated it last.
  const stated = new Map<string, { groupId: string; actor: Actor }>();
  for (const r of requests)
    for (const [user, groupId] of userGroups(r.messages)) stated.set(user, { groupId, actor: r.actor });
  const users = new Set<string>(stated.keys());
  for (const r of requests)
    for (const m of r.messages) if (!m.groupId) users.add((m.userId ?? m.anonymousId) as string);
  const known = new Map((await store.selectUsers(db, workspaceId, [...users])).map((u) => [u.user_id, u]));
  const groupOf = (user: string | null): string | null =>
    user ? (stated.get(user)?.groupId ?? known.get(user)?.group_id ?? null) : null;
  const groupIds = new Set<string>();
  for (const s of stated.values()) groupIds.add(s.groupId);
  for (const r of requests) {
    for (const m of r.messages) {
      const g = m.groupId ?? groupOf(m.userId ?? m.anonymousId);
      if (g) groupIds.add(g);
    }
  }
  const accounts = await accountsByReference(db, workspaceId, groupIds);

  // A user's group changed or appeared: the mapping is a write of its own, audited. In key order, so that
  // concurrent transactions lock rows in the same order (no deadlock on PostgreSQL).
  const mappedToAccount: Array<{ user: string; groupId: string; accountId: string }> = [];
  for (const [user, { groupId, actor }] of [...stated].sort(byKey)) {
    const before = known.get(user);
    const accountId = accounts.get(groupId) ?? null;
    if (before && before.group_id === groupId && before.account_id === accountId) continue;
    await store.upsertUser(db, {
      workspace_id: workspaceId,
      user_id: user,
      group_id: groupId,
      account_id: accountId,
      updated_at: receivedAt,
    });
    await recordAudit(db, {
      workspaceId,
      actor,
      action: 'usage.user_mapped',
      entityType: 'usage_user',
      entityId: user,
      before: before ? { groupId: before.group_id, accountId: before.account_id } : null,
      after: { groupId, accountId },
    });
    if (accountId) mappedToAccount.push({ user, groupId, accountId });
  }

  // The email each user identified with, the last one stated winning: kept beyond the raw events' window.
  const emails = new Map<string, string>();
  for (const r of requests) for (const m of r.messages) if (m.email && m.userId) emails.set(m.userId, m.email);
  await store.upsertUserEmails(
    db,
    [...emails]
      .sort(byKey)
      .map(([user_id, email]) => ({ workspace_id: workspaceId, user_id, email, updated_at: receivedAt })),
  );

  // The team each user identified with (the trait the workspace names), the last one stated winning.
  await keepUserTeams(
    db,
    workspaceId,
    requests.flatMap((r) => r.messages),
    receivedAt,
  );

  // Each event once in the group: the first request carrying it owns it.
  const seen = new Set<string>();
  const rows: UsageEventTable[] = [];
  const ownerOf: number[] = [];
  const lastEventAt: Array<string | null> = requests.map(() => null);
  requests.forEach((r, index) => {
    for (const m of r.messages) {
      if (!lastEventAt[index] || m.occurredAt > (lastEventAt[index] as string)) lastEventAt[index] = m.occurredAt;
      const key = `${r.source}\u0000${m.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const groupId = m.groupId ?? groupOf(m.userId ?? m.anonymousId);
      rows.push({
        workspace_id: workspaceId,
        source: r.source,
        message_id: m.messageId,
        type: m.type,
        event: m.event,
        user_id: m.userId,
        anonymous_id: m.anonymousId,
        account_id: groupId ? (accounts.get(groupId) ?? null) : null,
        group_id: groupId,
        occurred_at: m.occurredAt,
        received_at: receivedAt,
        properties: m.properties,
      });
      ownerOf.push(index);
    }
  });
  // In key order: concurrent PostgreSQL writers lock rows in the same order, and index pages are visited in order.
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => byEventKey(rows[a] as UsageEventTable, rows[b] as UsageEventTable));
  const sorted = order.map((i) => rows[i] as UsageEventTable);
  const inserted = await store.insertNewEvents(db, sorted);

  // Only the events that were new, and that have an account, count in the rollups.
  const stored = requests.map(() => 0);
  const unmatched = requests.map(() => 0);
  const fresh: RollupEvent[] = [];
  const lastStored = new Map<string, string>();
  sorted.forEach((row, k) => {
    if (!inserted[k]) return;
    const index = ownerOf[order[k] as number] as number;
    stored[index] = (stored[index] ?? 0) + 1;
    const last = lastStored.get(row.source);
    if (last === undefined || row.occurred_at > last) lastStored.set(row.source, row.occurred_at);
    if (row.account_id === null) unmatched[index] = (unmatched[index] ?? 0) + 1;
    else fresh.push(row);
  });
  await addToRollups(db, workspaceId, fresh);
  const rematchedEvents: RollupEvent[] = [];
  for (const m of mappedToAccount)
    rematchedEvents.push(...(await store.setUserEventsAccount(db, workspaceId, m.user, m.groupId, m.accountId)));
  await addToRollups(db, workspaceId, rematchedEvents);
  const rematched = rematchedEvents.length;
  // Whoever waits on an account's first use of a feature (a milestone completed by usage) hears of it now.
  const added = rematched ? [...fresh, ...rematchedEvents] : fresh;
  await queueWatchedFirstUses(db, workspaceId, added);
  // One event for the whole group, each account once, however many events and requests it holds.
  await publishUsageIngested(db, workspaceId, added);

  const outcomes = requests.map((r, i): IngestOutcome => {
    const s = stored[i] ?? 0;
    return {
      received: r.messages.length,
      stored: s,
      duplicates: r.messages.length - s,
      unmatched: unmatched[i] ?? 0,
      rematched: i === 0 ? rematched : 0,
      lastEventAt: lastEventAt[i] ?? null,
    };
  });
  await requestStore.recordIngestRequests(
    db,
    requests.map((r, i) => {
      const o = outcomes[i] as IngestOutcome;
      return {
        id: newId(),
        workspace_id: workspaceId,
        source: r.source,
        received_at: receivedAt,
        received: o.received,
        stored: o.stored,
        duplicates: o.duplicates,
        rejected: 0,
        unmatched: o.unmatched,
        detail: null,
      };
    }),
    lastStored,
  );
  return outcomes;
}
