import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { newId, nowIso } from '../ids.ts';
import { insertAuditEntry, listAuditEntries } from './audit.store.ts';
import type { AuditLogTable } from './audit.table.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actor: { type: string; id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/**
 * Records one write in the audit log. Call it inside the same transaction as the write itself,
 * so that the change and its record commit or roll back together.
 */
export async function recordAudit(
  db: Db,
  entry: {
    workspaceId: string;
    actor: Actor;
    action: string;
    entityType: string;
    entityId: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await insertAuditEntry(db, {
    id: newId(),
    workspace_id: entry.workspaceId,
    at: nowIso(),
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    actor_label: entry.actor.label,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    request_id: entry.actor.requestId ?? null,
  });
}

const toEntry = (r: AuditLogTable): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before_json === null ? null : JSON.parse(r.before_json),
  after: r.after_json === null ? null : JSON.parse(r.after_json),
  requestId: r.request_id,
});

/** Newest first; `cursor` is the id of the last entry of the previous page. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  opts: { limit: number; cursor?: string; entityType?: string; entityId?: string },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const rows = await listAuditEntries(db, workspaceId, {
    limit: opts.limit + 1,
    beforeId: opts.cursor,
    entityType: opts.entityType,
    entityId: opts.entityId,
  });
  const items = rows.slice(0, opts.limit).map(toEntry);
  return { items, nextCursor: rows.length > opts.limit ? (items.at(-1)?.id ?? null) : null };
}
