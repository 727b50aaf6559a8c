/**
 * Taking in product usage: one request's messages are stored in the caller's transaction, each event once,
 * with its account when its group is known and kept aside (account null) otherwise.
 *
 * A group id names an account as `accountsByReference` (accounts module) resolves it; one that matches several
 * accounts is left unmatched rather than guessed.
 */
import { accountsByReference } from '../../accounts/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import type { IngestCounts } from './ingest-counters.ts';
import { queueWatchedFirstUses } from '../adoption/first-use.service.ts';
import { byKey, type IngestOutcome, type IngestRequest, ingestWorkspaceRequests } from './ingest-group.service.ts';
import { addToRollups } from '../adoption/rollup.store.ts';
import type { RollupEvent } from '../adoption/rollup.ts';
import * as store from './event.store.ts';
import { publishUsageIngested } from './ingest.events.ts';
import * as requestStore from './ingest-request.store.ts';
import type { UsageSource } from './usage-event.ts';

export type { IngestOutcome, IngestRequest } from './ingest-group.service.ts';

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
  const accounts = await accountsByReference(db, workspaceId, [
    ...groups,
    ...unresolvedUsers.map((u) => u.group_id),
    ...mappings.map((m) => m.group_id),
  ]);
  // Users whose group found its account, by that account: updated by their key, not by a walk of every user per group.
  const usersOf = new Map<string, string[]>();
  for (const u of unresolvedUsers) {
    const account = accounts.get(u.group_id);
    if (!account) continue;
    const users = usersOf.get(account);
    if (users) users.push(u.user_id);
    else usersOf.set(account, [u.user_id]);
  }
  for (const [account, users] of [...usersOf].sort(byKey))
    await store.setUsersAccount(db, workspaceId, users.sort(), account, at);
  const newlyMatched: RollupEvent[] = [];
  for (const g of groups) {
    const account = accounts.get(g);
    if (account) newlyMatched.push(...(await store.setGroupAccount(db, workspaceId, g, account)));
  }
  for (const m of mappings) {
    const account = accounts.get(m.group_id);
    if (account)
      newlyMatched.push(...(await store.setUserEventsAccount(db, workspaceId, m.user_id, m.group_id, account)));
  }
  await addToRollups(db, workspaceId, newlyMatched);
  // Events kept aside that now have their account may be the first use someone waits for.
  await queueWatchedFirstUses(db, workspaceId, newlyMatched);
  await publishUsageIngested(db, workspaceId, newlyMatched);
  return newlyMatched.length;
}

/** Matches the events kept aside again on request, with an audit entry saying how many found their account. */
export async function rematchAndRecord(db: Db, actor: Actor, workspaceId: string): Promise<number> {
  const matched = await rematchUnmatched(db, workspaceId);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.rematch',
    entityType: 'usage_events',
    entityId: null,
    after: { matched },
  });
  return matched;
}

/**
 * Stores requests (call inside one transaction): those of each workspace together, in one set of queries.
 * Returns one outcome per request, in order.
 */
export async function ingestRequests(db: Db, requests: readonly IngestRequest[]): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(requests.length);
  const byWorkspace = new Map<string, number[]>();
  requests.forEach((r, i) => byWorkspace.set(r.workspaceId, [...(byWorkspace.get(r.workspaceId) ?? []), i]));
  // Workspaces in order: concurrent PostgreSQL writers then lock their rows (totals, rollups) in one order.
  for (const workspaceId of [...byWorkspace.keys()].sort()) {
    const indexes = byWorkspace.get(workspaceId) as number[];
    const done = await ingestWorkspaceRequests(
      db,
      workspaceId,
      indexes.map((i) => requests[i] as IngestRequest),
    );
    indexes.forEach((i, k) => (outcomes[i] = done[k] as IngestOutcome));
  }
  return outcomes;
}

/** Stores one request's messages (call inside the request's transaction) and records the request. */
export async function ingestMessages(db: Db, input: IngestRequest): Promise<IngestOutcome> {
  return (await ingestRequests(db, [input]))[0] as IngestOutcome;
}

/** Records a refused request (nothing of it is stored). */
export async function recordRejectedRequest(
  db: Db,
  input: { workspaceId: string; source: UsageSource; rejected: number; detail: string },
): Promise<void> {
  await requestStore.recordIngestRequests(db, [
    {
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
    },
  ]);
}

export interface SourceTotals extends IngestCounts {
  lastReceivedAt: string | null;
}

/** Totals per source: what the requests came to (kept as they are recorded), and the events still kept aside. */
export async function ingestTotals(db: Db, workspaceId: string): Promise<Record<UsageSource, SourceTotals>> {
  const totals = new Map((await requestStore.selectIngestTotals(db, workspaceId)).map((r) => [r.source, r]));
  const unmatched = new Map(
    (await store.selectUnmatchedCounts(db, workspaceId)).map((r) => [r.source, Number(r.unmatched)]),
  );
  const of = (source: UsageSource): SourceTotals => {
    const t = totals.get(source);
    return {
      received: Number(t?.received ?? 0),
      stored: Number(t?.stored ?? 0),
      duplicates: Number(t?.duplicates ?? 0),
      rejected: Number(t?.rejected ?? 0),
      unmatched: unmatched.get(source) ?? 0,
      lastEventAt: t?.last_event_at ?? null,
      lastReceivedAt: t?.last_received_at ?? null,
    };
  };
  return { segment: of('segment'), posthog: of('posthog') };
}

export interface Rejection {
  source: UsageSource;
  receivedAt: string;
  /** Messages the request carried (at least 1: a body that held none readable counts once). */
  events: number;
  /** Why, as the client was told (the first fields in error). */
  detail: string | null;
}

/** The latest refused requests, the newest first: what a client sent that Baton could not take, and why. */
export async function listRejections(db: Db, workspaceId: string, limit: number): Promise<Rejection[]> {
  return (await requestStore.selectRecentRejections(db, workspaceId, limit)).map((r) => ({
    source: r.source as UsageSource,
    receivedAt: r.received_at,
    events: Number(r.rejected),
    detail: r.detail,
  }));
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
