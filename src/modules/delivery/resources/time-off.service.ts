import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { recomputeForecasts } from '../projects/forecast.service.ts';
import { todayUtc } from '../projects/project.ts';
import { checkRange, type Holiday, type TimeOff } from './resource.ts';
import { findResourceOr404 } from './resource.service.ts';
import * as store from './resource.store.ts';

const toTimeOff = (r: store.TimeOffRow): TimeOff => ({
  id: r.id,
  resourceId: r.resource_id,
  from: r.starts_on,
  to: r.ends_on,
  reason: r.reason,
  createdAt: r.created_at,
});

export async function listTimeOff(db: Db, scope: Scope, resourceId: string): Promise<TimeOff[]> {
  await findResourceOr404(db, scope, resourceId);
  return (await store.selectTimeOff(db, scope.workspaceId, [resourceId])).map(toTimeOff);
}

/** Time off of every person visible in the scope, for the people page. */
export async function listAllTimeOff(db: Db, scope: Scope): Promise<TimeOff[]> {
  const ids = (await store.selectResources(db, scope)).map((r) => r.id);
  return (await store.selectTimeOff(db, scope.workspaceId, ids)).map(toTimeOff);
}

export async function addTimeOff(
  db: Db,
  actor: Actor,
  scope: Scope,
  resourceId: string,
  input: { from: string; to: string; reason?: string | null },
): Promise<TimeOff> {
  const person = await findResourceOr404(db, scope, resourceId);
  checkRange(input.from, input.to);
  const row = {
    id: newId(),
    workspace_id: scope.workspaceId,
    resource_id: resourceId,
    starts_on: input.from,
    ends_on: input.to,
    reason: input.reason?.trim() || null,
    created_at: nowIso(),
  };
  await store.insertTimeOff(db, row);
  const created = toTimeOff(row);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'resource.time_off.add',
    entityType: 'delivery_resource',
    entityId: resourceId,
    after: { ...created, person: person.name },
  });
  await recomputeForecasts(db, scope.workspaceId, { today: todayUtc(), actor, errorField: 'body.from' });
  return created;
}

export async function removeTimeOff(db: Db, actor: Actor, scope: Scope, resourceId: string, id: string): Promise<void> {
  await findResourceOr404(db, scope, resourceId);
  const row = await store.findTimeOff(db, scope.workspaceId, resourceId, id);
  if (!row) throw AppError.notFound('time off');
  await store.deleteTimeOffRow(db, scope.workspaceId, id);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'resource.time_off.remove',
    entityType: 'delivery_resource',
    entityId: resourceId,
    before: toTimeOff(row),
  });
  await recomputeForecasts(db, scope.workspaceId, { today: todayUtc(), actor });
}

export async function getHolidays(db: Db, workspaceId: string): Promise<Holiday[]> {
  return (await store.selectHolidays(db, workspaceId)).map((h) => ({ date: h.on_date, name: h.name }));
}

/** Replaces the workspace's holidays with this list; a date given twice is refused naming its place. */
export async function setHolidays(db: Db, actor: Actor, workspaceId: string, holidays: Holiday[]): Promise<Holiday[]> {
  const seen = new Map<string, number>();
  holidays.forEach((h, i) => {
    const first = seen.get(h.date);
    if (first !== undefined)
      throw AppError.validation(`body.holidays.${i}.date`, `${h.date} is listed twice (also at ${first})`);
    seen.set(h.date, i);
    if (!h.name.trim()) throw AppError.validation(`body.holidays.${i}.name`, 'is required');
  });
  const before = await getHolidays(db, workspaceId);
  await store.deleteHolidays(db, workspaceId);
  await store.insertHolidays(
    db,
    holidays.map((h) => ({ id: newId(), workspace_id: workspaceId, on_date: h.date, name: h.name.trim() })),
  );
  const after = await getHolidays(db, workspaceId);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'holidays.set',
    entityType: 'workspace_holidays',
    entityId: null,
    before,
    after,
  });
  await recomputeForecasts(db, workspaceId, { today: todayUtc(), actor, errorField: 'body.holidays' });
  return after;
}
