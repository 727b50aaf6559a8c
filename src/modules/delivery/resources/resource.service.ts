import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { getMember } from '../../../platform/identity/member.service.ts';
import { listPartners } from '../../../platform/identity/workspace.service.ts';
import { recomputeForecasts } from '../projects/forecast.service.ts';
import { todayUtc } from '../projects/project.ts';
import {
  checkCapacity,
  checkRate,
  checkRole,
  checkWorkingDays,
  DEFAULT_WORKING_DAYS,
  parseList,
  type Resource,
} from './resource.ts';
import { knownRolesOf } from './resource-roles.service.ts';
import * as store from './resource.store.ts';
import type { DeliveryResourceTable } from './resource.table.ts';

/** The API's view of a row; rates only when the principal may see margins. */
export const toResource = (r: store.ResourceRow, showRates: boolean): Resource => ({
  id: r.id,
  name: r.name,
  email: r.email,
  userId: r.user_id,
  role: r.role,
  skills: parseList<string>(r.skills),
  weeklyCapacityHours: Number(r.weekly_capacity_hours),
  workingDays: parseList<number>(r.working_days),
  costRate: showRates ? Number(r.cost_rate) : null,
  billRate: showRates ? Number(r.bill_rate) : null,
  partnerId: r.partner_id,
  active: Boolean(r.active),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface ResourceListOptions {
  role?: string;
  partnerId?: string;
  active?: boolean;
  q?: string;
}

export async function listResources(
  db: Db,
  scope: Scope,
  opts: ResourceListOptions,
  showRates: boolean,
): Promise<Resource[]> {
  return (await store.selectResources(db, scope, opts)).map((r) => toResource(r, showRates));
}

/** A person in scope, or 404 (a partner user never learns of another firm's people). */
export async function findResourceOr404(db: Db, scope: Scope, id: string): Promise<store.ResourceRow> {
  const row = await store.findResource(db, scope, id);
  if (!row) throw AppError.notFound('person');
  return row;
}

export const getResource = async (db: Db, scope: Scope, id: string, showRates: boolean): Promise<Resource> =>
  toResource(await findResourceOr404(db, scope, id), showRates);

export interface ResourceInput {
  name: string;
  email?: string | null;
  userId?: string | null;
  role: string;
  skills?: string[];
  weeklyCapacityHours: number;
  workingDays?: number[];
  costRate?: number;
  billRate?: number;
  partnerId?: string | null;
  active?: boolean;
}

export type ResourcePatch = Partial<ResourceInput>;

const cleanSkills = (skills: string[]) => [...new Set(skills.map((s) => s.trim()).filter(Boolean))];

/** Checks every field against the workspace (role list, member, partner firm, unique email) and gives the columns to write. */
async function columnsOf(
  db: Db,
  workspaceId: string,
  input: ResourcePatch,
  selfId: string | null,
): Promise<Partial<DeliveryResourceTable>> {
  const set: Partial<DeliveryResourceTable> = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw AppError.validation('body.name', 'is required');
    set.name = name;
  }
  if (input.email !== undefined) {
    const email = input.email?.trim().toLowerCase() || null;
    if (email) {
      const same = (await store.selectResourcesByEmail(db, workspaceId, email)).filter((r) => r.id !== selfId);
      if (same.length > 0)
        throw new AppError('conflict', `body.email: ${same[0]?.name} already has this email`, {
          fieldErrors: [{ field: 'body.email', message: `${same[0]?.name} already has this email` }],
        });
    }
    set.email = email;
  }
  if (input.userId !== undefined) {
    if (input.userId) {
      await getMember(db, workspaceId, input.userId).catch(() => {
        throw AppError.validation('body.userId', 'is not a member of this workspace');
      });
    }
    set.user_id = input.userId ?? null;
  }
  if (input.role !== undefined) set.role = checkRole(input.role, await knownRolesOf(db, workspaceId));
  if (input.skills !== undefined) set.skills = JSON.stringify(cleanSkills(input.skills));
  if (input.weeklyCapacityHours !== undefined) set.weekly_capacity_hours = checkCapacity(input.weeklyCapacityHours);
  if (input.workingDays !== undefined) set.working_days = JSON.stringify(checkWorkingDays(input.workingDays));
  if (input.costRate !== undefined) set.cost_rate = checkRate(input.costRate, 'body.costRate');
  if (input.billRate !== undefined) set.bill_rate = checkRate(input.billRate, 'body.billRate');
  if (input.partnerId !== undefined) {
    if (input.partnerId && !(await listPartners(db, workspaceId)).some((p) => p.id === input.partnerId)) {
      throw AppError.validation('body.partnerId', 'no such partner firm in this workspace');
    }
    set.partner_id = input.partnerId ?? null;
  }
  if (input.active !== undefined) set.active = input.active ? 1 : 0;
  return set;
}

export async function createResource(db: Db, actor: Actor, scope: Scope, input: ResourceInput): Promise<Resource> {
  const now = nowIso();
  const set = await columnsOf(
    db,
    scope.workspaceId,
    {
      skills: [],
      workingDays: DEFAULT_WORKING_DAYS,
      costRate: 0,
      billRate: 0,
      email: null,
      userId: null,
      partnerId: null,
      active: true,
      ...input,
    },
    null,
  );
  const row = {
    id: newId(),
    workspace_id: scope.workspaceId,
    created_at: now,
    updated_at: now,
    ...set,
  } as DeliveryResourceTable;
  await store.insertResource(db, row);
  const created = toResource(row, true);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'resource.create',
    entityType: 'delivery_resource',
    entityId: row.id,
    after: created,
  });
  return created;
}

export async function updateResource(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  patch: ResourcePatch,
): Promise<Resource> {
  const row = await findResourceOr404(db, scope, id);
  const set = await columnsOf(db, scope.workspaceId, patch, id);
  set.updated_at = nowIso();
  await store.updateResourceRow(db, scope.workspaceId, id, set);
  const after = toResource({ ...row, ...set } as store.ResourceRow, true);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'resource.update',
    entityType: 'delivery_resource',
    entityId: id,
    before: toResource(row, true),
    after,
  });
  // Capacity, working days and being active move the plan of every project the person works on.
  await recomputeForecasts(db, scope.workspaceId, { today: todayUtc(), actor, errorField: 'body.weeklyCapacityHours' });
  return after;
}

/** Removes a person entered by mistake; one with logged time stays (409): deactivate them instead. */
export async function deleteResource(db: Db, actor: Actor, scope: Scope, id: string): Promise<void> {
  const row = await findResourceOr404(db, scope, id);
  const entries = await store.countTimeEntriesOf(db, scope.workspaceId, id);
  if (entries > 0)
    throw new AppError(
      'conflict',
      `${row.name} has ${entries} time entr${entries === 1 ? 'y' : 'ies'}: set them inactive instead of deleting them`,
    );
  await store.deleteResourceRow(db, scope.workspaceId, id);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'resource.delete',
    entityType: 'delivery_resource',
    entityId: id,
    before: toResource(row, true),
  });
  await recomputeForecasts(db, scope.workspaceId, { today: todayUtc(), actor });
}
