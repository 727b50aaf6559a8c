import { type Selectable, sql } from 'kysely';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { DeliveryResourceTable, ResourceTimeOffTable, WorkspaceHolidayTable } from './resource.table.ts';

export type ResourceRow = Selectable<DeliveryResourceTable>;
export type TimeOffRow = Selectable<ResourceTimeOffTable>;
export type HolidayRow = Selectable<WorkspaceHolidayTable>;

/** People visible in a scope: the workspace's, and for partner users only their firm's. */
export function scopedResources(db: Db, scope: Scope) {
  let q = db.selectFrom('delivery_resources').where('workspace_id', '=', scope.workspaceId);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return q;
}

export interface ResourceFilter {
  role?: string;
  partnerId?: string;
  active?: boolean;
  q?: string;
}

export function selectResources(db: Db, scope: Scope, f: ResourceFilter = {}) {
  let q = scopedResources(db, scope).selectAll();
  if (f.role) q = q.where('role', '=', f.role);
  if (f.partnerId) q = q.where('partner_id', '=', f.partnerId);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['email']), 'like', like)]),
    );
  }
  return q.orderBy('name').orderBy('id').execute();
}

export const findResource = (db: Db, scope: Scope, id: string) =>
  scopedResources(db, scope).selectAll().where('id', '=', id).executeTakeFirst();

/** People of the workspace with this email, case-insensitively (emails identify people in imports). */
export const selectResourcesByEmail = (db: Db, workspaceId: string, email: string) =>
  db
    .selectFrom('delivery_resources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .execute();

export const selectResourcesByName = (db: Db, workspaceId: string, name: string) =>
  db
    .selectFrom('delivery_resources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .execute();

export const insertResource = (db: Db, row: DeliveryResourceTable) =>
  db.insertInto('delivery_resources').values(row).execute();

export const updateResourceRow = (db: Db, workspaceId: string, id: string, patch: Partial<DeliveryResourceTable>) =>
  db
    .updateTable('delivery_resources')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

export const deleteResourceRow = (db: Db, workspaceId: string, id: string) =>
  db.deleteFrom('delivery_resources').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export async function countResourcesWithRole(
  db: Db,
  workspaceId: string,
  roles: string[],
): Promise<Map<string, number>> {
  if (roles.length === 0) return new Map();
  const rows = await db
    .selectFrom('delivery_resources')
    .select(['role', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', roles)
    .groupBy('role')
    .execute();
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
}

export async function countTimeEntriesOf(db: Db, workspaceId: string, resourceId: string): Promise<number> {
  const r = await db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function selectTimeOff(db: Db, workspaceId: string, resourceIds?: string[]) {
  let q = db.selectFrom('resource_time_off').selectAll().where('workspace_id', '=', workspaceId);
  if (resourceIds) {
    if (resourceIds.length === 0) return Promise.resolve([] as TimeOffRow[]);
    q = q.where('resource_id', 'in', resourceIds);
  }
  return q.orderBy('resource_id').orderBy('starts_on').execute();
}

export const insertTimeOff = (db: Db, row: ResourceTimeOffTable) =>
  db.insertInto('resource_time_off').values(row).execute();

export const findTimeOff = (db: Db, workspaceId: string, resourceId: string, id: string) =>
  db
    .selectFrom('resource_time_off')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('resource_id', '=', resourceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const deleteTimeOffRow = (db: Db, workspaceId: string, id: string) =>
  db.deleteFrom('resource_time_off').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const selectHolidays = (db: Db, workspaceId: string) =>
  db.selectFrom('workspace_holidays').selectAll().where('workspace_id', '=', workspaceId).orderBy('on_date').execute();

export const deleteHolidays = (db: Db, workspaceId: string) =>
  db.deleteFrom('workspace_holidays').where('workspace_id', '=', workspaceId).execute();

export const insertHolidays = (db: Db, rows: WorkspaceHolidayTable[]) =>
  rows.length ? db.insertInto('workspace_holidays').values(rows).execute() : Promise.resolve([]);
