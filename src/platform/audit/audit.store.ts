import type { Db } from '../db/database.ts';
import type { AuditLogTable } from './audit.table.ts';

export async function insertAuditEntry(db: Db, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  /** ISO instants: entries at or after `fromAt`, and before `beforeAt`. */
  fromAt?: string;
  beforeAt?: string;
}

export async function listAuditEntries(
  db: Db,
  workspaceId: string,
  page: AuditFilter & { limit: number; beforeId?: string },
): Promise<AuditLogTable[]> {
  let q = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (page.beforeId) q = q.where('id', '<', page.beforeId);
  if (page.entityType) q = q.where('entity_type', '=', page.entityType);
  if (page.entityId) q = q.where('entity_id', '=', page.entityId);
  if (page.action) q = q.where('action', '=', page.action);
  if (page.actorId) q = q.where('actor_id', '=', page.actorId);
  if (page.fromAt) q = q.where('at', '>=', page.fromAt);
  if (page.beforeAt) q = q.where('at', '<', page.beforeAt);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

/** The actions, record types and actors the workspace's log holds, for filtering it. */
export async function selectAuditFacets(db: Db, workspaceId: string) {
  const base = db.selectFrom('audit_log').where('workspace_id', '=', workspaceId);
  const actions = await base.select('action').distinct().orderBy('action').execute();
  const entityTypes = await base.select('entity_type').distinct().orderBy('entity_type').execute();
  const actors = await base
    .select(['actor_type', 'actor_id', 'actor_label'])
    .distinct()
    .where('actor_id', 'is not', null)
    .execute();
  return { actions: actions.map((r) => r.action), entityTypes: entityTypes.map((r) => r.entity_type), actors };
}
