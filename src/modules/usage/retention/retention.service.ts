/**
 * The retention window of raw usage events. Events received longer ago than the workspace's window are deleted
 * in batches; the daily rollups, which the adoption numbers and signals read, are never deleted.
 *
 * Deduplication works by keeping the event: a message whose id is no longer stored (received before the window)
 * is taken as new if it is sent again. Clients retry within minutes, and the window is at least 7 days.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { type Retention, retentionSetting } from './retention.settings.ts';
import * as store from './retention.store.ts';

const DAY_MS = 86_400_000;
/** Rows per delete statement: each is short, so ingest waits little behind it. */
const BATCH = 5000;

export const readRetention = (db: Db, workspaceId: string): Promise<Retention> =>
  readSetting(db, workspaceId, retentionSetting);

export const writeRetention = (db: Db, actor: Actor, workspaceId: string, value: unknown): Promise<Retention> =>
  writeSetting(db, actor, workspaceId, retentionSetting, value);

/** The instant before which raw events fall out of the window. */
export const retentionCutoff = (now: Date, days: number): string =>
  new Date(now.getTime() - days * DAY_MS).toISOString();

/**
 * Deletes one workspace's raw events past its window, batch by batch (each its own statement), and its log of
 * refused requests past the same window; returns the count of events.
 */
export async function purgeRawEvents(
  db: Db,
  workspaceId: string,
  now: Date,
  onBatch?: (deleted: number) => Promise<void>,
  batchSize = BATCH,
): Promise<number> {
  const { rawEventDays } = await readRetention(db, workspaceId);
  const cutoff = retentionCutoff(now, rawEventDays);
  await store.deleteRejectionsBefore(db, workspaceId, cutoff);
  let total = 0;
  for (;;) {
    const deleted = await store.deleteEventsReceivedBefore(db, workspaceId, cutoff, batchSize);
    total += deleted;
    if (deleted > 0) await onBatch?.(total);
    if (deleted < batchSize) return total;
  }
}

/** Every workspace's raw events past its window. */
export async function purgeAllRawEvents(
  db: Db,
  now: Date,
  onBatch?: (deleted: number) => Promise<void>,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const workspaceId of await store.selectWorkspacesWithIngest(db))
    out.set(workspaceId, await purgeRawEvents(db, workspaceId, now, onBatch));
  return out;
}
