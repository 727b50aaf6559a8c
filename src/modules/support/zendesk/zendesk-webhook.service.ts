/**
 * A Zendesk webhook delivery applied (in the caller's transaction): each delivery once (by its event id, or the
 * body's hash for a trigger, which carries none), the ticket stored as an import's row would be (never an older
 * state over a newer one), and its status kept in the ticket's history.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/database.ts';
import type { TicketRecord } from '../ticket.ts';
import { workspaceLabeller } from '../ticket-labels.service.ts';
import { applyTicketBatch } from '../ticket.service.ts';
import { insertEvents, selectByExternalIds } from '../ticket.store.ts';

export interface ZendeskOutcome {
  outcome: 'applied' | 'stale' | 'duplicate';
  ticket: string;
  detail: string;
  /** The ticket's account (null while it waits for one). */
  accountId: string | null;
}

export const deliveryKey = (eventId: string | null, body: Buffer): string =>
  eventId ? `event:${eventId}` : `sha256:${createHash('sha256').update(body).digest('hex')}`;

export async function applyZendeskDelivery(
  db: Db,
  workspaceId: string,
  delivery: { key: string; eventType: string; record: TicketRecord; now: string },
): Promise<ZendeskOutcome> {
  const { record, now } = delivery;
  const seen = await db
    .selectFrom('ticket_webhook_events')
    .select('outcome')
    .where('workspace_id', '=', workspaceId)
    .where('event_key', '=', delivery.key)
    .executeTakeFirst();
  if (seen)
    return {
      outcome: 'duplicate',
      ticket: record.externalId,
      detail: 'this delivery was received before: unchanged',
      accountId: null,
    };
  const labeller = await workspaceLabeller(db, workspaceId);
  const result = await applyTicketBatch(db, { workspaceId, labeller, now }, [{ row: 1, record }]);
  if (record.status)
    await insertEvents(db, [
      {
        workspace_id: workspaceId,
        source: record.source,
        external_id: record.externalId,
        at: record.updatedAt ?? record.createdAt,
        status: record.status,
        stored_at: now,
      },
    ]);
  const outcome = result.stale > 0 ? 'stale' : 'applied';
  const [stored] = await selectByExternalIds(db, workspaceId, record.source, [record.externalId]);
  await db
    .insertInto('ticket_webhook_events')
    .values({
      workspace_id: workspaceId,
      event_key: delivery.key,
      event_type: delivery.eventType,
      external_id: record.externalId,
      outcome,
      received_at: now,
    })
    .execute();
  return {
    outcome,
    ticket: record.externalId,
    accountId: stored?.account_id ?? null,
    detail:
      outcome === 'stale'
        ? 'older than the ticket already stored (updated_at): the newer kept'
        : result.created
          ? 'ticket created'
          : result.updated
            ? 'ticket updated'
            : 'ticket unchanged',
  };
}
