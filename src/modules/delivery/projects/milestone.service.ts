/**
 * Milestones reached: by their tasks all done (on the last one's date), or by the account's users doing the
 * milestone's completion event in the product. The first value milestone sets the project's first-value date and
 * publishes `delivery.first-value-reached`.
 */
import type { Db } from '../../../platform/db/database.ts';
import { publish } from '../../../platform/events/domain-events.ts';
import { firstUseDays } from './first-use-source.service.ts';
import type { MilestoneUsage } from './project.events.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import { logEvent, type Who } from './timeline.service.ts';

const publishFirstValue = (
  db: Db,
  workspaceId: string,
  projectId: string,
  accountId: string,
  on: string,
  today: string,
) => publish(db, 'delivery.first-value-reached', { workspaceId, projectId, accountId, on, recordedOn: today });

/**
 * Marks milestones reached: when every task counting towards one is done (on the last one's date). The first
 * value milestone sets the project's first-value date; reopening a task un-reaches a milestone reached by tasks.
 * Answers whether a milestone was reached or un-reached.
 */
export async function completeMilestones(
  db: Db,
  who: Who,
  workspaceId: string,
  project: store.ProjectRow,
  today: string,
  /** False for history brought in (`applyProgress`): its first value is no news. */
  announce = true,
): Promise<boolean> {
  const [tasks, milestones] = await Promise.all([
    taskStore.selectTasks(db, workspaceId, project.id),
    taskStore.selectMilestones(db, workspaceId, project.id),
  ]);
  let firstValueOn = project.first_value_on;
  let moved = false;
  for (const m of milestones) {
    const own = tasks.filter((t) => t.milestone_key === m.key);
    if (own.length === 0) continue;
    const allDone = own.every((t) => t.state === 'done');
    if (allDone && !m.completed_on) {
      const on = own
        .map((t) => t.done_on ?? today)
        .sort()
        .at(-1)!;
      await taskStore.updateMilestone(db, workspaceId, m.id, {
        completed_on: on,
        completed_by: 'tasks',
        forecast_on: on,
      });
      await logEvent(db, workspaceId, project.id, who, 'milestone_reached', null, {
        milestone: m.name,
        on,
        firstValue: m.first_value === 1,
      });
      if (m.first_value === 1) firstValueOn = on;
      moved = true;
    } else if (!allDone && m.completed_on && m.completed_by === 'tasks') {
      await taskStore.updateMilestone(db, workspaceId, m.id, { completed_on: null, completed_by: null });
      if (m.first_value === 1) firstValueOn = null;
      moved = true;
    }
  }
  if (firstValueOn !== project.first_value_on)
    await store.updateProject(db, workspaceId, project.id, { first_value_on: firstValueOn });
  if (announce && firstValueOn && !project.first_value_on)
    await publishFirstValue(db, workspaceId, project.id, project.account_id, firstValueOn, today);
  return moved;
}

/**
 * Completes milestones that name a usage event once the account's users have done it (on or after kickoff), so
 * that first value comes from real use. Returns the projects it moved.
 */
export async function completeMilestonesByUsage(
  db: Db,
  workspaceId: string,
  today: string,
  accountId?: string,
): Promise<string[]> {
  const projects = (await store.selectPlannedProjects(db, workspaceId)).filter(
    (p) => (p.status === 'active' || p.status === 'queued') && (accountId === undefined || p.account_id === accountId),
  );
  const milestones = (
    await taskStore.selectMilestonesOfProjects(
      db,
      workspaceId,
      projects.map((p) => p.id),
    )
  ).filter((m) => m.completion_event && !m.completed_on);
  if (milestones.length === 0) return [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  const queries = milestones.map((m) => {
    const p = byId.get(m.project_id)!;
    return { accountId: p.account_id, event: m.completion_event!, since: p.kickoff_on ?? p.accepted_on.slice(0, 10) };
  });
  const found = await firstUseDays(db, workspaceId, queries);
  const moved = new Set<string>();
  const reached: MilestoneUsage[] = [];
  const completed = new Set<string>();
  for (const m of milestones) {
    const p = byId.get(m.project_id)!;
    const on = found.get(`${p.account_id}\u0000${m.completion_event}`);
    if (!on || on > today) continue;
    await taskStore.updateMilestone(db, workspaceId, m.id, {
      completed_on: on,
      completed_by: 'usage',
      forecast_on: on,
    });
    await logEvent(db, workspaceId, p.id, { type: 'system', id: null, label: 'usage' }, 'milestone_reached', null, {
      milestone: m.name,
      on,
      firstValue: m.first_value === 1,
      byEvent: m.completion_event,
    });
    if (m.first_value === 1 && !p.first_value_on) {
      await store.updateProject(db, workspaceId, p.id, { first_value_on: on });
      await publishFirstValue(db, workspaceId, p.id, p.account_id, on, today);
    }
    moved.add(p.id);
    reached.push({ accountId: p.account_id, event: m.completion_event! });
    completed.add(m.id);
  }
  // No one waits on these any more (another open milestone on the same account and event is watched again).
  const stillOpen = new Set(
    milestones
      .filter((m) => !completed.has(m.id))
      .map((m) => `${byId.get(m.project_id)!.account_id}\u0000${m.completion_event}`),
  );
  const done = reached.filter((r) => !stillOpen.has(`${r.accountId}\u0000${r.event}`));
  if (done.length > 0)
    await publish(db, 'delivery.usage-milestones-changed', { workspaceId, awaited: [], reached: done });
  return [...moved];
}
