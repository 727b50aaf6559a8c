import type { TimeTarget } from './time-entry.ts';
import { logWorkOnTask } from '../projects/task-time.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import * as resources from '../resources/resource.store.ts';
import { findProjectRef, findTaskRef, selectProjectRefs, selectTaskNames } from './project-ref.store.ts';
import { earliestWorkDay } from '../projects/project.ts';
import { CLOSED_PROJECT_STATUSES, checkEntry, type TimeEntry } from './time-entry.ts';
import * as store from './time-entry.store.ts';
import type { TimeEntryTable } from './time-entry.table.ts';

export const today = (): string => new Date().toISOString().slice(0, 10);

export const toEntry = (r: store.TimeEntryRow): TimeEntry => ({
  id: r.id,
  projectId: r.project_id,
  taskId: r.task_id,
  resourceId: r.resource_id,
  date: r.on_date,
  hours: Number(r.hours),
  billable: Boolean(r.billable),
  rework: Boolean(r.rework),
  note: r.note,
  source: r.source as TimeEntry['source'],
  externalId: r.external_id,
  createdBy: r.created_by_label,
  createdAt: r.created_at,
});

export interface EntryListOptions {
  limit: number;
  cursor?: string;
  projectId?: string;
  resourceId?: string;
  from?: string;
  to?: string;
}

const isKey = (v: unknown): v is { date: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { date?: unknown }).date === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

/** Entries newest day first, with the hours of the whole filtered set. */
export async function listTimeEntries(
  db: Db,
  scope: Scope,
  opts: EntryListOptions,
): Promise<{ items: TimeEntry[]; nextCursor: string | null }> {
  const before = decodeCursor(opts.cursor, isKey);
  const { limit, cursor: _cursor, ...filter } = opts;
  const rows = await store.selectEntries(db, scope, { ...filter, before, limit: limit + 1 });
  const items = rows.slice(0, limit).map(toEntry);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ date: last.date, id: last.id }) : null };
}

export interface EntryInput {
  projectId: string;
  taskId?: string | null;
  resourceId: string;
  date: string;
  hours: number;
  billable?: boolean;
  rework?: boolean;
  note?: string | null;
}

/**
 * Reads what an entry is checked against (project, task, person, their day) in the scope, and applies the
 * rules. Things the scope cannot see are "no such …": a partner user never learns of another firm's records.
 */
export async function checkEntryInScope(
  db: Db,
  scope: Scope,
  e: Required<Pick<EntryInput, 'projectId' | 'resourceId' | 'date' | 'hours'>> & { taskId: string | null },
  exceptId: string | null,
  prefix = 'body',
): Promise<void> {
  const project = await findProjectRef(db, scope, e.projectId);
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (!project) throw AppError.validation(f('projectId'), 'no such project');
  const person = await resources.findResource(db, scope, e.resourceId);
  if (!person) throw AppError.validation(f('resourceId'), 'no such person');
  const task = e.taskId ? await findTaskRef(db, scope.workspaceId, e.taskId) : null;
  checkEntry(
    e,
    {
      otherHoursThatDay: await store.hoursOnDay(db, scope.workspaceId, e.resourceId, e.date, exceptId),
      project: {
        status: project.status,
        partnerId: project.partner_id,
        startsOn: earliestWorkDay({ signedOn: project.signed_on, acceptedOn: project.accepted_on }),
      },
      task: task ? { projectId: task.project_id } : null,
      person: { active: Boolean(person.active), partnerId: person.partner_id, name: person.name },
      partnerId: scope.partnerId,
      today: today(),
    },
    prefix,
  );
}

export async function findEntryOr404(db: Db, scope: Scope, id: string): Promise<store.TimeEntryRow> {
  const row = await store.findEntry(db, scope, id);
  if (!row) throw AppError.notFound('time entry');
  return row;
}

export async function createTimeEntry(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: EntryInput,
  source: 'web' | 'api' | 'import',
  externalId: string | null = null,
): Promise<TimeEntry> {
  const taskId = input.taskId ?? null;
  await checkEntryInScope(db, scope, { ...input, taskId }, null);
  const row: TimeEntryTable = {
    id: newId(),
    workspace_id: scope.workspaceId,
    project_id: input.projectId,
    task_id: taskId,
    resource_id: input.resourceId,
    on_date: input.date,
    hours: input.hours,
    billable: input.billable === false ? 0 : 1,
    rework: input.rework ? 1 : 0,
    note: input.note?.trim() || null,
    source,
    external_id: externalId,
    created_by_label: actor.label,
    created_at: nowIso(),
  };
  await store.insertEntry(db, row);
  if (taskId)
    await logWorkOnTask(
      db,
      actor,
      scope.workspaceId,
      { projectId: input.projectId, taskId, hours: input.hours, rework: row.rework === 1, on: input.date },
      { recompute: source !== 'import' },
    );
  const created = toEntry(row);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'time_entry.create',
    entityType: 'time_entry',
    entityId: row.id,
    after: created,
  });
  return created;
}

export type EntryPatch = Partial<EntryInput>;

/** Changes an entry; the changed entry is checked whole, as a new one would be. */
export async function updateTimeEntry(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  patch: EntryPatch,
): Promise<TimeEntry> {
  const row = await findEntryOr404(db, scope, id);
  const next = {
    projectId: patch.projectId ?? row.project_id,
    resourceId: patch.resourceId ?? row.resource_id,
    date: patch.date ?? row.on_date,
    hours: patch.hours ?? Number(row.hours),
    // A task belongs to one project: moving the entry to another project drops a task not named again.
    taskId:
      patch.taskId !== undefined
        ? patch.taskId
        : patch.projectId && patch.projectId !== row.project_id
          ? null
          : row.task_id,
  };
  await checkEntryInScope(db, scope, next, id);
  const set: Partial<TimeEntryTable> = {
    project_id: next.projectId,
    resource_id: next.resourceId,
    on_date: next.date,
    hours: next.hours,
    task_id: next.taskId,
  };
  if (patch.billable !== undefined) set.billable = patch.billable ? 1 : 0;
  if (patch.rework !== undefined) set.rework = patch.rework ? 1 : 0;
  if (patch.note !== undefined) set.note = patch.note?.trim() || null;
  await store.updateEntryRow(db, scope.workspaceId, id, set);
  const after = toEntry({ ...row, ...set } as store.TimeEntryRow);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'time_entry.update',
    entityType: 'time_entry',
    entityId: id,
    before: toEntry(row),
    after,
  });
  return after;
}

export async function deleteTimeEntry(db: Db, actor: Actor, scope: Scope, id: string): Promise<void> {
  const row = await findEntryOr404(db, scope, id);
  const project = await findProjectRef(db, scope, row.project_id);
  // A closed project's hours are its final economics: they are no longer edited, nor removed.
  if (project && (CLOSED_PROJECT_STATUSES as readonly string[]).includes(project.status)) {
    throw new AppError('conflict', `projectId: the project is ${project.status}: its time is final`, {
      fieldErrors: [{ field: 'projectId', message: `the project is ${project.status}` }],
    });
  }
  await store.deleteEntryRow(db, scope.workspaceId, id);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'time_entry.delete',
    entityType: 'time_entry',
    entityId: id,
    before: toEntry(row),
  });
}

export type { TimeTarget };

/** Projects in view with their tasks, for the timesheet. */
export async function listTimeTargets(db: Db, scope: Scope): Promise<TimeTarget[]> {
  const projects = await selectProjectRefs(db, scope);
  const tasks = await selectTaskNames(
    db,
    scope.workspaceId,
    projects.map((p) => p.id),
  );
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    status: p.status,
    open: !(CLOSED_PROJECT_STATUSES as readonly string[]).includes(p.status),
    tasks: tasks.filter((t) => t.project_id === p.id).map((t) => ({ id: t.id, key: t.key, name: t.name })),
  }));
}
