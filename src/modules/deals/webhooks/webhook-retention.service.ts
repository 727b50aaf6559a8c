/**
 * How long the webhook log is kept. Deliveries, and events Baton ignored, are forgotten after the window. An applied
 * event is forgotten only once a newer applied change of the same deal and property exists: the newest change of
 * each property stays, so a retry of a forgotten event arrives older than it and is ignored as out of order, as it
 * would have been while the event was kept. CRMs retry for hours to days; the window is months.
 */
import type { Db } from '../../../platform/db/database.ts';
import * as store from './webhook.store.ts';

export const WEBHOOK_LOG_DAYS = 90;
const DAY_MS = 86_400_000;
/** Rows per page and per delete statement: each is short, so deliveries wait little behind it. */
const BATCH = 1000;

export interface PruneCounts {
  events: number;
  deliveries: number;
}

/** Forgets what the webhook log no longer needs, received more than `days` before `now`. */
export async function pruneWebhookLog(
  db: Db,
  now: Date,
  opts: { days?: number; batchSize?: number; onBatch?: (done: PruneCounts) => Promise<void> } = {},
): Promise<PruneCounts> {
  const cutoff = new Date(now.getTime() - (opts.days ?? WEBHOOK_LOG_DAYS) * DAY_MS).toISOString();
  const size = opts.batchSize ?? BATCH;
  const done: PruneCounts = { events: 0, deliveries: 0 };
  for (const { workspace_id: ws, source } of await store.selectLoggedSources(db)) {
    // Pages in key order: each old event is looked at once, kept ones included.
    let after: { receivedAt: string; eventId: string } | null = null;
    for (;;) {
      const page = await store.selectOldEvents(db, ws, source, cutoff, after, size);
      const last = page.at(-1);
      if (!last) break;
      after = last;
      done.events += await store.deleteEvents(
        db,
        ws,
        source,
        page.filter((e) => e.outcome !== 'applied' || e.superseded).map((e) => e.eventId),
      );
      await opts.onBatch?.(done);
      if (page.length < size) break;
    }
    for (;;) {
      const deleted = await store.deleteDeliveriesBefore(db, ws, source, cutoff, size);
      done.deliveries += deleted;
      if (deleted > 0) await opts.onBatch?.(done);
      if (deleted < size) break;
    }
  }
  return done;
}
