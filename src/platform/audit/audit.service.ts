import { AppError } from '../errors/app-error.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { newId, nowIso } from '../ids.ts';
import { composition } from '../modules/composition.ts';
import { userNamesOf } from '../identity/identity.names.ts';
import { type AuditFilter, insertAuditEntry, listAuditEntries, selectAuditFacets } from './audit.store.ts';
import type { AuditLogTable } from './audit.table.ts';

export interface AuditEntry {
  id: string;
  at: string;
  /** `name`: a person's name today (users), else null; `label` is what was recorded (a person's email, an API key's name). */
  actor: { type: string; id: string | null; label: string; name: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  /** The record's name today, through its module (null: a kind without a name, or a record since deleted). */
  entityName: string | null;
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
  actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label, name: null },
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  entityName: null,
  before: r.before_json === null ? null : JSON.parse(r.before_json),
  after: r.after_json === null ? null : JSON.parse(r.after_json),
  requestId: r.request_id,
});

/** Names the records and people of these entries, asking each kind's module (entries are changed in place). */
async function nameEntries(db: Db, workspaceId: string, items: AuditEntry[]): Promise<void> {
  const lookups = composition().auditNames;
  const idsOf = new Map<string, Set<string>>();
  const want = (type: string, id: string | null) => {
    if (!id || !lookups.has(type)) return;
    const set = idsOf.get(type) ?? new Set<string>();
    set.add(id);
    idsOf.set(type, set);
  };
  for (const e of items) {
    want(e.entityType, e.entityId);
    if (e.actor.type === 'user') want('user', e.actor.id);
  }
  const names = new Map<string, Map<string, string>>();
  for (const [type, ids] of idsOf) names.set(type, await lookups.get(type)!(db, workspaceId, [...ids]));
  for (const e of items) {
    e.entityName = (e.entityId && names.get(e.entityType)?.get(e.entityId)) ?? null;
    if (e.actor.type === 'user' && e.actor.id) e.actor.name = names.get('user')?.get(e.actor.id) ?? null;
  }
}

export interface AuditQuery {
  limit: number;
  cursor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  /** Days, YYYY-MM-DD (UTC), both included. */
  from?: string;
  to?: string;
}

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/** Newest first; `cursor` is the id of the last entry of the previous page. Each entry names its record and person. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  opts: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  if (opts.from && opts.to && opts.to < opts.from)
    throw new AppError('validation', 'querystring.to: is before from', {
      fieldErrors: [{ field: 'querystring.to', message: 'is before from' }],
    });
  const filter: AuditFilter = {
    entityType: opts.entityType,
    entityId: opts.entityId,
    action: opts.action,
    actorId: opts.actorId,
    fromAt: opts.from ? `${opts.from}T00:00:00.000Z` : undefined,
    beforeAt: opts.to ? `${nextDay(opts.to)}T00:00:00.000Z` : undefined,
  };
  const rows = await listAuditEntries(db, workspaceId, { ...filter, limit: opts.limit + 1, beforeId: opts.cursor });
  const items = rows.slice(0, opts.limit).map(toEntry);
  await nameEntries(db, workspaceId, items);
  return { items, nextCursor: rows.length > opts.limit ? (items.at(-1)?.id ?? null) : null };
}

/** What the log can be filtered by: its actions, record types and the people and keys who wrote, by name. */
export async function auditFacets(
  db: Db,
  workspaceId: string,
): Promise<{ actions: string[]; entityTypes: string[]; actors: Array<{ id: string; type: string; name: string }> }> {
  const f = await selectAuditFacets(db, workspaceId);
  const users = await userNamesOf(
    db,
    workspaceId,
    f.actors.filter((a) => a.actor_type === 'user').map((a) => a.actor_id as string),
  );
  const seen = new Map<string, { id: string; type: string; name: string }>();
  for (const a of f.actors) {
    const id = a.actor_id as string;
    if (!seen.has(id))
      seen.set(id, {
        id,
        type: a.actor_type,
        name: (a.actor_type === 'user' ? users.get(id) : undefined) ?? a.actor_label,
      });
  }
  return {
    actions: f.actions,
    entityTypes: f.entityTypes,
    actors: [...seen.values()].sort((x, y) => x.name.localeCompare(y.name)),
  };
}
