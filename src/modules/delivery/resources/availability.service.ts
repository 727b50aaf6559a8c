/** What the forecast plans people by: their weekly hours, working days and time off, and the workspace's holidays. */
import type { Db } from '../../../platform/db/database.ts';
import type { ForecastResource } from '../forecast/forecast.types.ts';
import { parseList } from './resource.ts';
import * as store from './resource.store.ts';

/**
 * The forecast's view of the workspace's active people, with their time off. Partner scopes see only their
 * firm's people.
 */
export async function listForecastResources(
  db: Db,
  workspaceId: string,
  partnerId: string | null = null,
): Promise<ForecastResource[]> {
  const rows = await store.selectResources(db, { workspaceId, partnerId }, { active: true });
  const off = await store.selectTimeOff(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    weeklyCapacityHours: Number(r.weekly_capacity_hours),
    workingDays: parseList<number>(r.working_days),
    timeOff: off.filter((o) => o.resource_id === r.id).map((o) => ({ from: o.starts_on, to: o.ends_on })),
  }));
}

/** The workspace's holiday dates, for the forecast: nobody works on them. */
export const listHolidays = async (db: Db, workspaceId: string): Promise<string[]> =>
  (await store.selectHolidays(db, workspaceId)).map((h) => h.on_date);
