import type { Db } from '../db/database.ts';
import type { AuditLogTable } from './audit.table.ts';

export async function insertAuditEntry(db: Db, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export async function listAuditEntries(
  db: Db,
  workspaceId: string,
  page: { limit: number; beforeId?: string; entityType?: string; entityId?: string },
): Promise<AuditLogTable[]> {
  let q = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (page.beforeId) q = q.where('id', '<', page.beforeId);
  if (page.entityType) q = q.where('entity_type', '=', page.entityType);
  if (page.entityId) q = q.where('entity_id', '=', page.entityId);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}
