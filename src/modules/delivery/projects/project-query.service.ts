/** Reading projects: one with its plan, slips, rework and recent timeline; a page of the list; the timeline. */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { readableAccountNames } from '../../accounts/index.ts';
import { playbookDefinitionSchema } from '../playbooks/playbook.ts';
import { todayUtc } from './project.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import { nameEventActors } from './timeline.service.ts';
import * as timelineStore from './timeline.store.ts';
import {
  type ProjectDetail,
  type ProjectListItem,
  progressOf,
  toMilestone,
  toSummary,
  toTask,
} from './project.views.ts';
import { type ProjectEvent, toEvent, toPromiseChange, toRework, toSlip } from './timeline.views.ts';

async function namesOf(db: Db, scope: Scope) {
  const [account, playbooks] = await Promise.all([
    readableAccountNames(db, scope),
    store.selectPlaybookNames(db, scope.workspaceId),
  ]);
  return { account, playbook: new Map(playbooks.map((p) => [p.id, p.name])) };
}

export async function findProjectOr404(db: Db, scope: Scope, id: string): Promise<store.ProjectRow> {
  const row = await store.findProject(db, scope, id);
  if (!row) throw AppError.notFound('project');
  return row;
}

export async function getProject(db: Db, scope: Scope, id: string, today = todayUtc()): Promise<ProjectDetail> {
  const row = await findProjectOr404(db, scope, id);
  const [names, tasks, milestones, slips, rework, events, people, version, promises] = await Promise.all([
    namesOf(db, scope),
    taskStore.selectTasks(db, scope.workspaceId, id),
    taskStore.selectMilestones(db, scope.workspaceId, id),
    timelineStore.selectSlips(db, scope.workspaceId, id),
    timelineStore.selectRework(db, scope.workspaceId, id),
    timelineStore.selectEvents(db, scope.workspaceId, id, 200),
    store.selectResourceNames(db, scope.workspaceId),
    store.findPlaybookVersion(db, scope.workspaceId, row.playbook_id, row.playbook_version),
    timelineStore.selectEvents(db, scope.workspaceId, id, 1000, ['promise_changed']),
  ]);
  const assignees = new Map(people.map((p) => [p.id, p.name]));
  const taskViews = tasks.map((t) => toTask(t, assignees));
  const checklist = version ? playbookDefinitionSchema.parse(JSON.parse(version.definition)).goLiveChecklist : [];
  return {
    ...toSummary(row, names, today),
    progress: progressOf(taskViews),
    tasks: taskViews,
    milestones: milestones.map(toMilestone),
    slips: slips.map(toSlip),
    promiseChanges: promises.reverse().map(toPromiseChange),
    rework: rework.map(toRework),
    goLiveChecklist: checklist,
    events: await nameEventActors(db, events.map(toEvent)),
  };
}

const isKey = (v: unknown): v is { createdAt: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { createdAt?: unknown }).createdAt === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

export async function listProjects(
  db: Db,
  scope: Scope,
  f: Omit<store.ProjectFilter, 'before'> & { cursor?: string },
  today = todayUtc(),
): Promise<{ items: ProjectListItem[]; nextCursor: string | null }> {
  const rows = await store.selectProjects(db, scope, {
    ...f,
    before: decodeCursor(f.cursor, isKey),
    limit: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const ids = page.map((r) => r.id);
  const [names, tasks, slips] = await Promise.all([
    namesOf(db, scope),
    taskStore.selectTasksOfProjects(db, scope.workspaceId, ids),
    timelineStore.selectSlipsOfProjects(db, scope.workspaceId, ids),
  ]);
  const items = page.map((r) => {
    const own = tasks.filter((t) => t.project_id === r.id);
    return {
      ...toSummary(r, names, today),
      progress: {
        tasks: own.length,
        tasksDone: own.filter((t) => t.state === 'done').length,
        remainingHours: own.reduce((s, t) => s + (t.state === 'done' ? 0 : t.remaining_hours), 0),
      },
      slipCount: slips.filter((s) => s.project_id === r.id).length,
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

/** The project's timeline, newest first. */
export async function projectTimeline(db: Db, scope: Scope, id: string, limit: number): Promise<ProjectEvent[]> {
  await findProjectOr404(db, scope, id);
  return nameEventActors(db, (await timelineStore.selectEvents(db, scope.workspaceId, id, limit)).map(toEvent));
}
