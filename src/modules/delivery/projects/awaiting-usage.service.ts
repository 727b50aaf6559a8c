/** The open milestones of onboarding projects that await a usage event, each with the day it was due. */
import type { Db } from '../../../platform/db/database.ts';
import { addCalendarDays } from './project.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';

export interface MilestoneAwaitingUsage {
  milestoneId: string;
  milestoneName: string;
  projectId: string;
  accountId: string;
  /** The usage event whose occurrence on the account completes the milestone. */
  event: string;
  /** Kickoff plus the milestone's target day. */
  dueOn: string;
}

/**
 * Milestones not yet completed that name a usage event, of the workspace's kicked-off projects still in
 * onboarding (queued or active), with a target day: those have a due date.
 */
export async function milestonesAwaitingUsage(db: Db, workspaceId: string): Promise<MilestoneAwaitingUsage[]> {
  const projects = (await store.selectPlannedProjects(db, workspaceId)).filter((p) => p.kickoff_on);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const milestones = await taskStore.selectMilestonesOfProjects(db, workspaceId, [...byId.keys()]);
  return milestones.flatMap((m) => {
    const p = byId.get(m.project_id);
    if (!p?.kickoff_on || !m.completion_event || m.completed_on || m.target_day === null) return [];
    return [
      {
        milestoneId: m.id,
        milestoneName: m.name,
        projectId: p.id,
        accountId: p.account_id,
        event: m.completion_event,
        dueOn: addCalendarDays(p.kickoff_on, m.target_day),
      },
    ];
  });
}
