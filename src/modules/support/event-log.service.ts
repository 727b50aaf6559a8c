/**
 * An event log's rows stored: each status change once in `ticket_events`, and every ticket a batch touched
 * recomputed from all its stored changes and its summary so far (so a ticket whose rows are spread through the
 * file is right once its last row is in). Only one summary per ticket is held, never the rows.
 */
import type { Db } from '../../platform/db/database.ts';
import type { BatchOutcome, RowError } from '../../platform/imports/import-run.ts';
import { collapseTicket, type EventLogTicket, foldEventRow, type TicketStatusEvent } from './import/event-log.ts';
import type { TicketRecord } from './ticket.ts';
import type { Labeller } from './ticket-labels.service.ts';
import { applyTicketBatch, toTicket } from './ticket.service.ts';
import * as store from './ticket.store.ts';

/** What one import of an event log holds between its batches. */
export interface EventLogState {
  /** Each ticket's summary, by source and id. */
  tickets: Map<string, EventLogTicket>;
  /** Tickets Baton did not know before this import. */
  created: Set<string>;
  createdMapped: boolean;
  /** Tickets whose newest row is older than the ticket already stored (its updated_at): the newer kept. */
  stale: number;
}

export const newEventLogState = (createdMapped: boolean): EventLogState => ({
  tickets: new Map(),
  created: new Set(),
  createdMapped,
  stale: 0,
});

const keyOf = (r: { source: string; externalId: string }) => `${r.source}\u0000${r.externalId}`;

/**
 * Stores one batch of an event log's rows: its status changes (counted as created when new, unchanged when
 * known), then the tickets it touched, each from its whole stored history.
 */
export async function applyEventLogBatch(
  db: Db,
  ctx: { workspaceId: string; labeller: Labeller; now: string },
  state: EventLogState,
  batch: ReadonlyArray<{ row: number; record: TicketRecord }>,
): Promise<BatchOutcome> {
  const touched = new Map<string, { source: string; externalId: string }>();
  const firstSeen: Array<{ source: string; externalId: string }> = [];
  for (const { row, record } of batch) {
    const key = keyOf(record);
    if (!state.tickets.has(key)) firstSeen.push(record);
    state.tickets.set(key, foldEventRow(state.tickets.get(key), record, row, state.createdMapped));
    touched.set(key, record);
  }
  for (const [source, ids] of bySource(firstSeen)) {
    const known = new Set(
      (await store.selectByExternalIds(db, ctx.workspaceId, source, ids)).map((r) => r.external_id),
    );
    for (const id of ids) if (!known.has(id)) state.created.add(keyOf({ source, externalId: id }));
  }
  const events = batch
    .filter((b) => b.record.status)
    .map((b) => ({
      workspace_id: ctx.workspaceId,
      source: b.record.source,
      external_id: b.record.externalId,
      at: b.record.updatedAt ?? b.record.createdAt,
      status: b.record.status!,
      stored_at: ctx.now,
    }));
  const stored = await store.insertEvents(db, events);
  const errors: RowError[] = [];
  const tickets: Array<{ row: number; record: TicketRecord }> = [];
  for (const [source, ids] of bySource([...touched.values()])) {
    const history = historyById(await store.selectEvents(db, ctx.workspaceId, source, ids));
    const stored = new Map(
      (await store.selectByExternalIds(db, ctx.workspaceId, source, ids)).map((r) => [r.external_id, toTicket(r)]),
    );
    for (const id of ids) {
      const summary = state.tickets.get(keyOf({ source, externalId: id }))!;
      const known = stored.get(id);
      if (!summary.record.subject && !summary.record.description && !known?.subject && !known?.description) {
        errors.push({
          row: summary.row,
          field: 'subject',
          reason: `ticket ${id}: no row gives a subject or a description`,
        });
        continue;
      }
      const record = collapseTicket(summary, history.get(id) ?? [], known && { ...known, category: null });
      tickets.push({ row: summary.row, record });
    }
  }
  const result = await applyTicketBatch(db, ctx, tickets);
  state.stale += result.stale;
  return { created: stored, updated: 0, unchanged: batch.length - stored, errors };
}

function bySource(records: ReadonlyArray<{ source: string; externalId: string }>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of records) out.set(r.source, (out.get(r.source) ?? new Set()).add(r.externalId));
  return new Map([...out].map(([source, ids]) => [source, [...ids]]));
}

function historyById(rows: readonly store.TicketEventRow[]): Map<string, TicketStatusEvent[]> {
  const out = new Map<string, TicketStatusEvent[]>();
  for (const r of rows) {
    const list = out.get(r.external_id) ?? [];
    list.push({ status: r.status, at: r.at });
    out.set(r.external_id, list);
  }
  return out;
}
