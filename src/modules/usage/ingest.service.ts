/**
 * Taking in product usage: one request's messages are stored in the caller's transaction, each event once,
 * with its account when its group is known and kept aside (account null) otherwise.
 *
 * A group id names an account as `accountsByReference` (accounts module) resolves it; one that matches several
 * accounts is left unmatched rather than guessed.
 */
import { accountsByReference } from '../accounts/account-lookup.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { IngestCounts } from './ingest-counters.ts';
import { addToRollups } from './rollup.store.ts';
import type { RollupEvent } from './rollup.ts';
import * as store from './usage.store.ts';
import type { UsageEventTable } from './usage.table.ts';
import { type UsageMessage, type UsageSource, userGroups } from './usage-event.ts';

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

/**
 * Gives events kept aside their account where it is now known: by the group the event named, or by the group
 * its user was mapped to since, and adds them to the daily rollups (each event once: only rows still without
 * an account are matched). Safe to call at any time; returns how many events were matched.
 */
export async function rematchUnmatched(db: Db, workspaceId: string): Promise<number> {
  const at = nowIso();
  const unresolvedUsers = await store.selectUnresolvedUsers(db, workspaceId);
  const groups = await store.selectUnmatchedGroupIds(db, workspaceId);
  const ungrouped = await store.selectUngroupedUsers(db, workspaceId);
  const mappings = await store.selectUsers(db, workspaceId, ungrouped);
  const accounts = await accountsByReference(db, workspaceId, [...groups, ...unresolvedUsers.map((u) => u.group_id), ...mappings.map((m) => m.group_id)]);
  for (const g of new Set(unresolvedUsers.map((u) => u.group_id))) {
    const account = accounts.get(g);
    if (account) await store.setUserAccount(db, workspaceId, g, account, at);
  }
  const newlyMatched: RollupEvent[] = [];
  for (const g of groups) {
    const account = accounts.get(g);
    if (account) newlyMatched.push(...(await store.setGroupAccount(db, workspaceId, g, account)));
  }
  for (const m of mappings) {
    const account = accounts.get(m.group_id);
    if (account) newlyMatched.push(...(await store.setUserEventsAccount(db, workspaceId, m.user_id, m.group_id, account)));
  }
  await addToRollups(db, workspaceId, newlyMatched);
  return newlyMatched.length;
}

/** Matches the events kept aside again on request, with an audit entry saying how many found their account. */
export async function rematchAndRecord(db: Db, actor: Actor, workspaceId: string): Promise<number> {
  const matched = await rematchUnmatched(db, workspaceId);
  await recordAudit(db, { workspaceId, actor, action: 'usage.rematch', entityType: 'usage_events', entityId: null, after: { matched } });
  return matched;
}

/** Stores one request's messages (call inside the request's transaction) and records the request. */
export async function ingestMessages(
  db: Db,
  input: { workspaceId: string; source: UsageSource; actor: Actor; messages: UsageMessage[] },
): Promise<IngestOutcome> {
  const { workspaceId, source, actor, messages } = input;
  const receivedAt = nowIso();
  const stated = userGroups(messages);
  const users = new Set<string>(stated.keys());
  for (const m of messages) if (!m.groupId) users.add((m.userId ?? m.anonymousId) as string);
  const known = new Map((await store.selectUsers(db, workspaceId, [...users])).map((u) => [u.user_id, u]));
  const groupOf = (user: string | null): string | null => (user ? (stated.get(user) ?? known.get(user)?.group_id ?? null) : null);
  const groupIds = new Set<string>();
  for (const g of stated.values()) groupIds.add(g);
  for (const m of messages) {
    const g = m.groupId ?? groupOf(m.userId ?? m.anonymousId);
    if (g) groupIds.add(g);
  }
  const accounts = await accountsByReference(db, workspaceId, groupIds);

  // A user's group changed or appeared: the mapping is a write of its own, audited.
  let mappingsChanged = false;
  // In key order, so that concurrent requests lock rows in the same order (no deadlock on PostgreSQL).
  for (const [user, groupId] of [...stated].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = known.get(user);
    const accountId = accounts.get(groupId) ?? null;
    if (before && before.group_id === groupId && before.account_id === accountId) continue;
    const row = { workspace_id: workspaceId, user_id: user, group_id: groupId, account_id: accountId, updated_at: receivedAt };
    await store.upsertUser(db, row);
    await recordAudit(db, {
      workspaceId,
      actor,
      action: 'usage.user_mapped',
      entityType: 'usage_user',
      entityId: user,
      before: before ? { groupId: before.group_id, accountId: before.account_id } : null,
      after: { groupId, accountId },
    });
    mappingsChanged = true;
  }

  let lastEventAt: string | null = null;
  const rows: UsageEventTable[] = messages.map((m) => {
    const groupId = m.groupId ?? groupOf(m.userId ?? m.anonymousId);
    if (!lastEventAt || m.occurredAt > lastEventAt) lastEventAt = m.occurredAt;
    return {
      workspace_id: workspaceId,
      source,
      message_id: m.messageId,
      type: m.type,
      event: m.event,
      user_id: m.userId,
      anonymous_id: m.anonymousId,
      account_id: groupId ? (accounts.get(groupId) ?? null) : null,
      group_id: groupId,
      occurred_at: m.occurredAt,
      received_at: receivedAt,
      properties: JSON.stringify(m.properties),
    };
  });
  rows.sort((a, b) => (a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0));
  const inserted = await store.insertNewEvents(db, rows);
  // Only the events that were new, and that have an account, count in the rollups.
  await addToRollups(db, workspaceId, inserted);
  const outcome: IngestOutcome = {
    received: messages.length,
    stored: inserted.length,
    duplicates: messages.length - inserted.length,
    unmatched: inserted.filter((r) => r.account_id === null).length,
    rematched: mappingsChanged ? await rematchUnmatched(db, workspaceId) : 0,
    lastEventAt,
  };
  await store.insertIngestRequest(db, {
    id: newId(),
    workspace_id: workspaceId,
    source,
    received_at: receivedAt,
    received: outcome.received,
    stored: outcome.stored,
    duplicates: outcome.duplicates,
    rejected: 0,
    unmatched: outcome.unmatched,
    detail: null,
  });
  return outcome;
}

/** Records a refused request (nothing of it is stored). */
export async function recordRejectedRequest(db: Db, input: { workspaceId: string; source: UsageSource; rejected: number; detail: string }): Promise<void> {
  await store.insertIngestRequest(db, {
    id: newId(),
    workspace_id: input.workspaceId,
    source: input.source,
    received_at: nowIso(),
    received: input.rejected,
    stored: 0,
    duplicates: 0,
    rejected: input.rejected,
    unmatched: 0,
    detail: input.detail.slice(0, 2000),
  });
}

export interface SourceTotals extends IngestCounts {
  lastReceivedAt: string | null;
}

/** Totals per source from the tables: every request recorded, every event stored, those still kept aside. */
export async function ingestTotals(db: Db, workspaceId: string): Promise<Record<UsageSource, SourceTotals>> {
  const requests = new Map((await store.selectRequestTotals(db, workspaceId)).map((r) => [r.source, r]));
  const events = new Map((await store.selectEventTotals(db, workspaceId)).map((r) => [r.source, r]));
  const of = (source: UsageSource): SourceTotals => {
    const r = requests.get(source);
    const e = events.get(source);
    return {
      received: Number(r?.received ?? 0),
      stored: Number(e?.stored ?? 0),
      duplicates: Number(r?.duplicates ?? 0),
      rejected: Number(r?.rejected ?? 0),
      unmatched: Number(e?.unmatched ?? 0),
      lastEventAt: (e?.last_event_at as string | null | undefined) ?? null,
      lastReceivedAt: (e?.last_received_at as string | null | undefined) ?? null,
    };
  };
  return { segment: of('segment'), posthog: of('posthog') };
}

export interface UnmatchedGroup {
  groupId: string | null;
  userId: string | null;
  events: number;
  firstAt: string;
  lastAt: string;
}

/** Events kept aside, by group and user, the largest first. */
export async function listUnmatched(db: Db, workspaceId: string, limit: number): Promise<UnmatchedGroup[]> {
  return (await store.selectUnmatchedGroups(db, workspaceId, limit)).map((r) => ({
    groupId: r.group_id,
    userId: (r.user as string | null) ?? null,
    events: Number(r.events),
    firstAt: String(r.first_at),
    lastAt: String(r.last_at),
  }));
}
