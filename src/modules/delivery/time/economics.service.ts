import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { listForecastResources, listHolidays } from '../resources/availability.service.ts';
import * as resources from '../resources/resource.store.ts';
import {
  type EconEntry,
  type EconRates,
  type EconomicsTotals,
  type ProjectEconomics,
  projectEconomics,
  totalsOf,
  type Utilization,
  utilizationOf,
} from './economics.ts';
import { findProjectRef, selectProjectRefs, selectReworkOf, selectTaskEstimates } from './project-ref.store.ts';
import { selectEntriesFor } from './time-entry.store.ts';

type ProjectRef = NonNullable<Awaited<ReturnType<typeof findProjectRef>>>;

const toEcon = (r: {
  resource_id: string;
  task_id: string | null;
  on_date: string;
  hours: number;
  billable: number;
  rework: number;
}): EconEntry => ({
  resourceId: r.resource_id,
  taskId: r.task_id,
  date: r.on_date,
  hours: Number(r.hours),
  billable: Boolean(r.billable),
  rework: Boolean(r.rework),
});

async function ratesOf(db: Db, workspaceId: string): Promise<Map<string, EconRates>> {
  const rows = await resources.selectResources(db, { workspaceId, partnerId: null });
  return new Map(rows.map((r) => [r.id, { costRate: Number(r.cost_rate), billRate: Number(r.bill_rate) }]));
}

async function economicsOf(db: Db, workspaceId: string, projects: ProjectRef[]): Promise<ProjectEconomics[]> {
  const ids = projects.map((p) => p.id);
  const entries = await selectEntriesFor(db, workspaceId, { projectIds: ids });
  const tasks = await selectTaskEstimates(db, workspaceId, ids);
  const rates = await ratesOf(db, workspaceId);
  const rework = await selectReworkOf(db, workspaceId, ids);
  return projects.map((p) =>
    projectEconomics(
      {
        id: p.id,
        name: p.name,
        status: p.status,
        commercialModel: p.commercial_model,
        servicesFee: p.services_fee === null ? null : Number(p.services_fee),
        currency: p.currency,
      },
      entries.filter((e) => e.project_id === p.id).map(toEcon),
      rates,
      tasks
        .filter((t) => t.project_id === p.id)
        .map((t) => ({
          id: t.id,
          taskType: t.task_type,
          effortHours: Number(t.effort_hours),
          assigneeId: t.assignee_id,
        })),
      rework
        .filter((r) => r.project_id === p.id)
        .map((r) => ({ taskId: r.task_id, hours: Number(r.hours), cause: r.cause })),
    ),
  );
}

/** One project's hours, cost, revenue, margin, estimate accuracy and rework. */
export async function getProjectEconomics(db: Db, scope: Scope, projectId: string): Promise<ProjectEconomics> {
  const project = await findProjectRef(db, scope, projectId);
  if (!project) throw AppError.notFound('project');
  return (await economicsOf(db, scope.workspaceId, [project]))[0] as ProjectEconomics;
}

/** Every project's economics (cancelled ones left out unless they logged time), with totals. */
export async function getWorkspaceEconomics(
  db: Db,
  scope: Scope,
): Promise<{ items: ProjectEconomics[]; totals: EconomicsTotals }> {
  const rows = await economicsOf(db, scope.workspaceId, await selectProjectRefs(db, scope));
  const items = rows.filter((r) => r.status !== 'cancelled' || r.hours.total > 0);
  return { items, totals: totalsOf(items) };
}

export interface PersonUtilization extends Utilization {
  name: string;
  role: string;
}

/** Utilization of the active people in view over a range, capacity net of holidays and time off. */
export async function getUtilization(
  db: Db,
  scope: Scope,
  from: string,
  to: string,
): Promise<{ from: string; to: string; items: PersonUtilization[]; totals: Omit<Utilization, 'resourceId'> }> {
  if (from > to) throw AppError.validation('querystring.to', `ends before it starts (${from} → ${to})`);
  if (Date.parse(to) - Date.parse(from) > 731 * 86_400_000)
    throw AppError.validation('querystring.to', 'a range covers at most two years');
  const people = await listForecastResources(db, scope.workspaceId, scope.partnerId);
  const rows = await resources.selectResources(db, scope, { active: true });
  const names = new Map(rows.map((r) => [r.id, r]));
  const entries = (await selectEntriesFor(db, scope.workspaceId, { from, to })).map(toEcon);
  const items = utilizationOf(people, entries, await listHolidays(db, scope.workspaceId), from, to).map((u) => ({
    ...u,
    name: names.get(u.resourceId)?.name ?? '',
    role: names.get(u.resourceId)?.role ?? '',
  }));
  const sum = (f: (u: Utilization) => number) => Math.round(items.reduce((s, u) => s + f(u), 0) * 100) / 100;
  const capacityHours = sum((u) => u.capacityHours);
  const billableHours = sum((u) => u.billableHours);
  return {
    from,
    to,
    items,
    totals: {
      capacityHours,
      hours: sum((u) => u.hours),
      billableHours,
      utilization: capacityHours > 0 ? Math.round((billableHours / capacityHours) * 10_000) / 10_000 : null,
    },
  };
}
