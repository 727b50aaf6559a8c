/**
 * An event log (one row per status change of a ticket, as an ITSM audit log exports it) collapsed into tickets
 * with their history (pure). Rows of one ticket may come in any order: `foldEventRow` keeps one summary per
 * ticket whatever the order, and `deriveFromHistory` reads the ticket's times from its status changes in time order.
 */
import type { FormatProfile } from '../../../platform/imports/profile.ts';
import type { TicketRecord } from '../ticket.ts';
import type { TicketField } from './ticket-fields.ts';

/** One status a ticket was in from a time on. */
export interface TicketStatusEvent {
  status: string;
  at: string;
}

/** Statuses that mean the customer's question is answered. */
const SOLVED = new Set(['solved', 'closed', 'resolved', 'done', 'completed']);
/** Statuses of a ticket nobody has answered yet. */
const UNANSWERED = new Set(['new', 'open_unassigned', 'unassigned', 'received']);

export const isSolvedStatus = (status: string | null): boolean => status !== null && SOLVED.has(status);

/** One ticket's rows so far: the latest value of each field, its first row and times (memory per ticket, not row). */
export interface EventLogTicket {
  /** The fields as the latest row that gave each one says (the status of the latest row). */
  record: TicketRecord;
  /** The time of the row each field's value came from. */
  fieldAt: Partial<Record<string, string>>;
  /** The time of the latest row read (its `at`). */
  latestAt: string;
  /** The earliest `at` of its rows. */
  firstAt: string;
  /** The earliest creation time a created_at column gave, when one is mapped. */
  createdAt: string | null;
  /** The first row of the file that named it (where its problems are reported). */
  row: number;
  rows: number;
}

const FIELDS = [
  'subject',
  'description',
  'priority',
  'category',
  'channel',
  'requesterEmail',
  'organization',
  'accountExternalId',
  'assignee',
  'firstResponseAt',
  'satisfaction',
] as const;

type FoldedField = (typeof FIELDS)[number] | 'tags' | 'status';

/** Whether a row's value is there to take (a blank cell leaves the field to the ticket's other rows). */
const given = (record: TicketRecord, field: FoldedField) =>
  field === 'tags' ? record.tags.length > 0 : record[field] !== null;

/**
 * Folds one row (its record's `updatedAt` is the row's time) into its ticket's summary: each field takes the
 * value of the latest row that has one, the status too; ties go to the row read later.
 */
export function foldEventRow(
  summary: EventLogTicket | undefined,
  record: TicketRecord,
  row: number,
  createdMapped: boolean,
): EventLogTicket {
  const at = record.updatedAt ?? record.createdAt;
  const created = createdMapped ? record.createdAt : null;
  const fieldAt: Partial<Record<FoldedField, string>> = {};
  for (const field of [...FIELDS, 'tags', 'status'] as const) if (given(record, field)) fieldAt[field] = at;
  if (!summary) return { record: { ...record }, fieldAt, latestAt: at, firstAt: at, createdAt: created, row, rows: 1 };
  const merged: TicketRecord = { ...summary.record };
  const times = { ...summary.fieldAt };
  for (const field of [...FIELDS, 'tags', 'status'] as const) {
    const before = times[field];
    if (!given(record, field) || (before !== undefined && at < before)) continue;
    (merged as unknown as Record<string, unknown>)[field] = record[field];
    times[field] = at;
  }
  const latestAt = at >= summary.latestAt ? at : summary.latestAt;
  return {
    record: { ...merged, updatedAt: latestAt },
    fieldAt: times,
    latestAt,
    firstAt: at < summary.firstAt ? at : summary.firstAt,
    createdAt: created && (!summary.createdAt || created < summary.createdAt) ? created : summary.createdAt,
    row: Math.min(row, summary.row),
    rows: summary.rows + 1,
  };
}

/** What a ticket's status changes tell, in time order. */
export interface HistoryFigures {
  /** The first time it reached solved or closed, or null. */
  solvedAt: string | null;
  /** How many times it left solved or closed again. */
  reopens: number;
  /** The first time it left an unanswered status (new), when its history begins unanswered. */
  firstResponseAt: string | null;
}

/** Sorts status changes by time, then drops repeats of the same status one after another. */
export function orderHistory(events: readonly TicketStatusEvent[]): TicketStatusEvent[] {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return sorted.filter((e, i) => i === 0 || e.status !== sorted[i - 1]!.status);
}

/** Solved time, reopen count and first response read from a ticket's status changes (any order). */
export function deriveFromHistory(events: readonly TicketStatusEvent[]): HistoryFigures {
  const history = orderHistory(events);
  let solvedAt: string | null = null;
  let reopens = 0;
  for (const [i, e] of history.entries()) {
    if (isSolvedStatus(e.status)) solvedAt ??= e.at;
    else if (i > 0 && isSolvedStatus(history[i - 1]!.status)) reopens += 1;
  }
  const first = history[0];
  const answered = first && UNANSWERED.has(first.status) ? history.find((e) => !UNANSWERED.has(e.status)) : undefined;
  return { solvedAt, reopens, firstResponseAt: answered?.at ?? null };
}

/**
 * The ticket a summary and its whole history make: created at its first row's time (of this file or an earlier
 * one) unless a created_at column was mapped, solved the first time it reached solved, first response where the
 * history or a column tells it. What the file leaves blank is taken from the ticket as stored, if any.
 */
export function collapseTicket(
  summary: EventLogTicket,
  events: readonly TicketStatusEvent[],
  stored?: TicketRecord,
): TicketRecord {
  const figures = deriveFromHistory(events);
  const record: TicketRecord = { ...summary.record };
  if (stored) {
    for (const field of FIELDS)
      if (record[field] === null) (record as unknown as Record<string, unknown>)[field] = stored[field];
    if (record.tags.length === 0) record.tags = stored.tags;
    record.status ??= stored.status;
  }
  const firstEvent = orderHistory(events)[0]?.at;
  const createdAt =
    summary.createdAt ??
    [summary.firstAt, firstEvent, stored?.createdAt].filter((t): t is string => Boolean(t)).sort()[0]!;
  const firstResponseAt = record.firstResponseAt ?? figures.firstResponseAt;
  return {
    ...record,
    createdAt,
    updatedAt: summary.latestAt,
    solvedAt: figures.solvedAt ?? (isSolvedStatus(record.status) ? summary.latestAt : null),
    firstResponseAt: firstResponseAt && firstResponseAt >= createdAt ? firstResponseAt : null,
    reopens: figures.reopens,
  };
}

/**
 * A format read as an event log: the ticket's id from the `key` column, each row's time from the `at` column (also
 * its creation time when no created_at column is mapped; the earliest then wins).
 */
export function eventLogProfile(
  profile: FormatProfile<TicketField>,
  key: string,
  at: string,
): FormatProfile<TicketField> {
  const created = (profile.columns.created_at ?? []).filter((c) => c !== at);
  return {
    ...profile,
    columns: { ...profile.columns, external_id: [key], updated_at: [at], created_at: [...created, at] },
  };
}
