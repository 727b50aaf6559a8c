/** Tickets stored and read: upserts by source + external id (re-running changes nothing), reads, corrections. */
import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { BatchOutcome } from '../../platform/imports/import-run.ts';
import type { LabelSource, TicketCategory } from './classify/categories.ts';
import { orderHistory, type TicketStatusEvent } from './import/event-log.ts';
import type { Ticket, TicketRecord } from './ticket.ts';
import type { Labeller } from './ticket-labels.service.ts';
import { matchAccounts } from './ticket-match.service.ts';
import * as store from './ticket.store.ts';
import { publishTicketsChanged } from './support.events.ts';

export function toTicket(r: store.TicketRow): Ticket {
  return {
    id: r.id,
    accountId: r.account_id,
    source: r.source,
    externalId: r.external_id,
    subject: r.subject,
    description: r.description,
    status: r.status,
    priority: r.priority,
    category: r.category as TicketCategory | null,
    categorySource: r.category_source as LabelSource | null,
    channel: r.channel,
    requesterEmail: r.requester_email,
    organization: r.organization,
    accountExternalId: r.account_external_id,
    assignee: r.assignee,
    tags: JSON.parse(r.tags) as string[],
    createdAt: r.created_at,
    firstResponseAt: r.first_response_at,
    solvedAt: r.solved_at,
    satisfaction: r.satisfaction,
    updatedAt: r.updated_at,
    reopens: r.reopens,
  };
}

const columnsOf = (r: TicketRecord) => ({
  subject: r.subject,
  description: r.description,
  status: r.status,
  priority: r.priority,
  channel: r.channel,
  requester_email: r.requesterEmail,
  organization: r.organization,
  account_external_id: r.accountExternalId,
  assignee: r.assignee,
  tags: JSON.stringify(r.tags),
  created_at: r.createdAt,
  first_response_at: r.firstResponseAt,
  solved_at: r.solvedAt,
  satisfaction: r.satisfaction,
  updated_at: r.updatedAt,
});

// A reopen count joins the hash only when a source gives one, so tickets stored before it was kept stay unchanged.
const hashOf = (r: TicketRecord): string =>
  createHash('sha256')
    .update(JSON.stringify([columnsOf(r), r.category, ...(r.reopens != null ? [r.reopens] : [])]))
    .digest('hex')
    .slice(0, 32);

export interface TicketBatchResult extends BatchOutcome {
  /** Tickets stored without an account, waiting for it. */
  waiting: number;
  /** Rows older than the ticket already stored (their `updated_at`): the newer one was kept. */
  stale: number;
}

/**
 * Stores a batch of tickets keyed by source + external id: a new one is created, a changed one updated, an
 * identical one or one older than what is stored left alone. Each finds its account (kept waiting when none
 * matches) and its category (`labeller`), a person's label kept.
 */
export async function applyTicketBatch(
  db: Db,
  ctx: { workspaceId: string; labeller: Labeller; now: string },
  batch: ReadonlyArray<{ row: number; record: TicketRecord }>,
): Promise<TicketBatchResult> {
  const out: TicketBatchResult = { created: 0, updated: 0, unchanged: 0, errors: [], waiting: 0, stale: 0 };
  if (batch.length === 0) return out;
  const { workspaceId } = ctx;
  const known = new Map<string, store.TicketRow>();
  for (const source of new Set(batch.map((b) => b.record.source))) {
    const ids = [...new Set(batch.filter((b) => b.record.source === source).map((b) => b.record.externalId))];
    for (const row of await store.selectByExternalIds(db, workspaceId, source, ids))
      known.set(`${source}\u0000${row.external_id}`, row);
  }
  const accounts = await matchAccounts(
    db,
    workspaceId,
    batch.map((b) => b.record),
  );
  const inserts = new Map<string, store.TicketRow>();
  const updates = new Map<string, store.TicketRow>();
  batch.forEach(({ record }, i) => {
    const key = `${record.source}\u0000${record.externalId}`;
    const existing = inserts.get(key) ?? updates.get(key) ?? known.get(key);
    if (existing?.updated_at && record.updatedAt && record.updatedAt < existing.updated_at) {
      out.stale += 1;
      out.unchanged += 1;
      return;
    }
    const accountId = accounts[i] ?? existing?.account_id ?? null;
    const hash = hashOf(record);
    if (existing && existing.content_hash === hash && existing.account_id === accountId) {
      out.unchanged += 1;
      return;
    }
    if (accountId === null) out.waiting += 1;
    const label =
      existing?.category_source === 'person'
        ? { category: existing.category as TicketCategory, source: 'person' as const }
        : ctx.labeller.label(record);
    const row: store.TicketRow = {
      id: existing?.id ?? newId(),
      workspace_id: workspaceId,
      source: record.source,
      external_id: record.externalId,
      account_id: accountId,
      ...columnsOf(record),
      reopens: record.reopens ?? null,
      category: label.category,
      category_source: label.source,
      content_hash: hash,
      stored_at: ctx.now,
    };
    if (inserts.has(key)) inserts.set(key, row);
    else if (known.has(key)) {
      if (!updates.has(key)) out.updated += 1;
      updates.set(key, row);
    } else {
      inserts.set(key, row);
      out.created += 1;
    }
  });
  for (const row of updates.values()) await store.updateTicket(db, workspaceId, row.id, row);
  await store.insertTickets(db, [...inserts.values()]);
  await publishTicketsChanged(
    db,
    workspaceId,
    [...inserts.values(), ...updates.values()].map((r) => r.account_id),
  );
  return out;
}

export interface TicketFilter {
  accountId?: string;
  category?: string;
  status?: string;
  unmatched?: boolean;
  limit: number;
  cursor?: string;
}

const isKey = (v: unknown): v is { createdAt: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { createdAt?: unknown }).createdAt === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

/** A page of a workspace's tickets, newest first. */
export async function listTickets(
  db: Db,
  workspaceId: string,
  filter: TicketFilter,
): Promise<{ items: Ticket[]; nextCursor: string | null }> {
  const rows = await store.selectTickets(db, workspaceId, { ...filter, after: decodeCursor(filter.cursor, isKey) });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTicket),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

export async function getTicket(db: Db, workspaceId: string, id: string): Promise<Ticket> {
  const row = await store.selectTicket(db, workspaceId, id);
  if (!row) throw AppError.notFound('ticket');
  return toTicket(row);
}

/** A ticket with its status changes in time order, repeats of one status folded. */
export async function getTicketWithHistory(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Ticket & { history: TicketStatusEvent[] }> {
  const ticket = await getTicket(db, workspaceId, id);
  const events = await store.selectEvents(db, workspaceId, ticket.source, [ticket.externalId]);
  return { ...ticket, history: orderHistory(events.map((e) => ({ status: e.status, at: e.at }))) };
}

/** A person's label for a ticket: kept over rules, the model and later imports without a label; trains the next fit. */
export async function correctCategory(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  category: TicketCategory,
): Promise<Ticket> {
  const before = await getTicket(db, workspaceId, id);
  await store.updateTicket(db, workspaceId, id, { category, category_source: 'person' });
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'ticket.categorize',
    entityType: 'ticket',
    entityId: id,
    before: { category: before.category, categorySource: before.categorySource },
    after: { category, categorySource: 'person' },
  });
  return { ...before, category, categorySource: 'person' };
}

/** Tickets waiting for an account matched to the accounts that appeared since; the count found. */
export async function rematchTickets(db: Db, workspaceId: string): Promise<number> {
  const waiting = await store.selectUnmatched(db, workspaceId);
  if (waiting.length === 0) return 0;
  const accounts = await matchAccounts(
    db,
    workspaceId,
    waiting.map((w) => ({
      accountExternalId: w.account_external_id,
      organization: w.organization,
      requesterEmail: w.requester_email,
    })),
  );
  let found = 0;
  for (const [i, w] of waiting.entries()) {
    const accountId = accounts[i];
    if (!accountId) continue;
    await store.updateTicket(db, workspaceId, w.id, { account_id: accountId });
    found += 1;
  }
  return found;
}
