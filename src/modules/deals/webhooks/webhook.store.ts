import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { WebhookDeliveryTable, WebhookEventTable } from './webhook.table.ts';

export type DeliveryRow = Selectable<WebhookDeliveryTable>;

export const insertDelivery = (db: Db, row: WebhookDeliveryTable) =>
  db.insertInto('webhook_deliveries').values(row).execute();

export const insertEvents = (db: Db, rows: WebhookEventTable[]) =>
  rows.length ? db.insertInto('webhook_events').values(rows).execute() : Promise.resolve([]);

/** Which of these event ids the source already delivered. */
export async function selectKnownEventIds(
  db: Db,
  workspaceId: string,
  source: string,
  eventIds: string[],
): Promise<Set<string>> {
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
export function findNewerApplied(
  db: Db,
  workspaceId: string,
  source: string,
  objectId: string,
  property: string | null,
  occurredAt: string,
) {
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

export function selectDeliveries(
  db: Db,
  workspaceId: string,
  opts: { source?: string; beforeId?: string; limit: number },
) {
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

/** The workspaces and sources that have a webhook log. */
export const selectLoggedSources = (db: Db) =>
  db.selectFrom('webhook_deliveries').select(['workspace_id', 'source']).distinct().execute();

/**
 * One page of a source's events received before `cutoff`, in (received_at, event_id) order after `after`, each
 * with whether a newer applied event of the same deal and property exists (which orders any retry of it).
 */
export async function selectOldEvents(
  db: Db,
  workspaceId: string,
  source: string,
  cutoff: string,
  after: { receivedAt: string; eventId: string } | null,
  limit: number,
) {
  let q = db
    .selectFrom('webhook_events as e')
    .select(['e.event_id', 'e.received_at', 'e.outcome'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('webhook_events as n')
            .select('n.event_id')
            .whereRef('n.workspace_id', '=', 'e.workspace_id')
            .whereRef('n.source', '=', 'e.source')
            .whereRef('n.object_id', '=', 'e.object_id')
            .where('n.outcome', '=', 'applied')
            .whereRef('n.property', 'is not distinct from', 'e.property')
            .whereRef('n.occurred_at', '>', 'e.occurred_at'),
        )
        .as('superseded'),
    )
    .where('e.workspace_id', '=', workspaceId)
    .where('e.source', '=', source)
    .where('e.received_at', '<', cutoff);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('e.received_at', '>', after.receivedAt),
        eb.and([eb('e.received_at', '=', after.receivedAt), eb('e.event_id', '>', after.eventId)]),
      ]),
    );
  const rows = await q.orderBy('e.received_at').orderBy('e.event_id').limit(limit).execute();
  // SQLite answers 0/1, PostgreSQL a boolean.
  return rows.map((r) => ({
    eventId: r.event_id,
    receivedAt: r.received_at,
    outcome: r.outcome,
    superseded: Boolean(Number(r.superseded)),
  }));
}

export const deleteEvents = (db: Db, workspaceId: string, source: string, eventIds: string[]) =>
  eventIds.length
    ? db
        .deleteFrom('webhook_events')
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('event_id', 'in', eventIds)
        .executeTakeFirst()
        .then((r) => Number(r.numDeletedRows))
    : Promise.resolve(0);

/** Deletes up to `limit` of a source's deliveries received before `cutoff`; returns how many. */
export async function deleteDeliveriesBefore(
  db: Db,
  workspaceId: string,
  source: string,
  cutoff: string,
  limit: number,
): Promise<number> {
  const ids = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('received_at', '<', cutoff)
    .limit(limit)
    .execute();
  if (ids.length === 0) return 0;
  const r = await db
    .deleteFrom('webhook_deliveries')
    .where(
      'id',
      'in',
      ids.map((x) => x.id),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
