import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { WebhookDeliveryTable, WebhookEventTable } from './webhook.table.ts';

export type DeliveryRow = Selectable<WebhookDeliveryTable>;

export const insertDelivery = (db: Db, row: WebhookDeliveryTable) => db.insertInto('webhook_deliveries').values(row).execute();

export const insertEvents = (db: Db, rows: WebhookEventTable[]) => (rows.length ? db.insertInto('webhook_events').values(rows).execute() : Promise.resolve([]));

/** Which of these event ids the source already delivered. */
export async function selectKnownEventIds(db: Db, workspaceId: string, source: string, eventIds: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  // Chunks keep the IN list under both databases' bound-parameter limits.
  for (let i = 0; i < eventIds.length; i += 500) {
    const rows = await db
      .selectFrom('webhook_events')
      .select('event_id')
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('event_id', 'in', eventIds.slice(i, i + 500))
      .execute();
    for (const r of rows) known.add(r.event_id);
  }
  return known;
}

/**
 * The newest applied change to a deal after `occurredAt`: of the same property, or of any property when
 * `property` is null (an event carrying the whole deal).
 */
export function findNewerApplied(db: Db, workspaceId: string, source: string, objectId: string, property: string | null, occurredAt: string) {
  let q = db
    .selectFrom('webhook_events')
    .select(['event_id', 'occurred_at', 'property'])
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('object_id', '=', objectId)
    .where('outcome', '=', 'applied')
    .where('occurred_at', '>', occurredAt);
  // A deletion or whole-deal event is newer than any property change; a property change only yields to its own property.
  if (property !== null) q = q.where((eb) => eb.or([eb('property', '=', property), eb('property', 'is', null)]));
  return q.orderBy('occurred_at', 'desc').limit(1).executeTakeFirst();
}

export function selectDeliveries(db: Db, workspaceId: string, opts: { source?: string; beforeId?: string; limit: number }) {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.source) q = q.where('source', '=', opts.source);
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Per source: the last event received, and events applied / ignored since `since`. */
export async function eventStats(db: Db, workspaceId: string, since: string) {
  const last = await db
    .selectFrom('webhook_events')
    .select(['source', (eb) => eb.fn.max('received_at').as('last')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('source')
    .execute();
  const recent = await db
    .selectFrom('webhook_events')
    .select(['source', 'outcome', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('received_at', '>=', since)
    .groupBy(['source', 'outcome'])
    .execute();
  return { last, recent: recent.map((r) => ({ ...r, n: Number(r.n) })) };
}

/** Per source: deliveries rejected as malformed since `since`. */
export async function rejectedDeliveries(db: Db, workspaceId: string, since: string) {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['source', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'rejected')
    .where('received_at', '>=', since)
    .groupBy('source')
    .execute();
  return rows.map((r) => ({ source: r.source, n: Number(r.n) }));
}
