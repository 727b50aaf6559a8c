/**
 * A project's past written as it was, for projects brought in with their history (the demo workspace, a migration
 * from another tool): the records as stored, the dates they had, the slips they went through. Nothing here is
 * audited or re-forecast: the caller re-forecasts once it has written the whole history (with `applyProgress`
 * for the plan's own progress).
 */
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import type { SlipReason } from './project.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import * as timelineStore from './timeline.store.ts';

export type { ProjectRow } from './project.store.ts';
export type { TaskRow } from './task.store.ts';

/** Every project in view as stored, newest first. */
export const projectRecords = (db: Db, scope: Scope): Promise<store.ProjectRow[]> =>
  store.selectProjects(db, scope, { limit: 10_000 });

/** One project in view as stored. */
export const projectRecord = (db: Db, scope: Scope, id: string): Promise<store.ProjectRow | undefined> =>
  store.findProject(db, scope, id);

/** The workspace's planned (queued or active) projects as stored. */
export const plannedProjectRecords = (db: Db, workspaceId: string): Promise<store.ProjectRow[]> =>
  store.selectPlannedProjects(db, workspaceId);

/** A project's tasks as stored, in plan order. */
export const taskRecords = (db: Db, workspaceId: string, projectId: string): Promise<taskStore.TaskRow[]> =>
  taskStore.selectTasks(db, workspaceId, projectId);

/** The day a project was accepted and the go-live it was promised, as they were. */
export async function setPastDates(
  db: Db,
  workspaceId: string,
  projectId: string,
  dates: { acceptedOn?: string; promisedGoLive?: string },
): Promise<void> {
  await store.updateProject(db, workspaceId, projectId, {
    ...(dates.acceptedOn === undefined ? {} : { accepted_on: dates.acceptedOn }),
    ...(dates.promisedGoLive === undefined ? {} : { promised_go_live: dates.promisedGoLive }),
  });
}

/**
 * Forgets what forecasts made while a history was being written measured against the promises of the time: the
 * projects' slips, their forecast and slip events, their promise and forecast.
 */
export async function forgetForecastHistory(db: Db, workspaceId: string, projectIds: readonly string[]): Promise<void> {
  await timelineStore.deleteSlips(db, workspaceId, projectIds);
  await timelineStore.deleteEvents(db, workspaceId, projectIds, ['slipped', 'forecast_changed']);
  for (const id of projectIds)
    await store.updateProject(db, workspaceId, id, { promised_go_live: null, forecast_go_live: null });
}

export interface PastSlip {
  recordedAt: string;
  promisedGoLive: string;
  fromForecast: string;
  toForecast: string;
  days: number;
  reasonCode: SlipReason | null;
  note: string | null;
}

/** A slip as it was recorded; one with a reason was explained by `actor` when it was recorded. */
export async function recordPastSlip(
  db: Db,
  actor: Actor,
  workspaceId: string,
  projectId: string,
  slip: PastSlip,
): Promise<void> {
  await timelineStore.insertSlip(db, {
    id: newId(),
    workspace_id: workspaceId,
    project_id: projectId,
    recorded_at: slip.recordedAt,
    promised_go_live: slip.promisedGoLive,
    from_forecast: slip.fromForecast,
    to_forecast: slip.toForecast,
    days: slip.days,
    reason_code: slip.reasonCode,
    note: slip.note,
    explained_by_label: slip.reasonCode ? actor.label : null,
    explained_at: slip.reasonCode ? slip.recordedAt : null,
  });
}
