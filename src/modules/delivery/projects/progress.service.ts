/**
 * Brings in a project that was already running before Baton: its kickoff, who works on what, which tasks were
 * done when, what is under way or blocked, and how it ended (go-live, close, cancel), with the slips it had.
 * Dates are the real ones, in the past; the plan's rules (dependencies, milestones reached by tasks) still hold.
 * It publishes no lifecycle event: history is no news (the daily play triggers still see a recent go-live).
 * The demo workspace is built with it, and so can a migration from another tool.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { SlipReason } from './project.ts';
import { findProjectOr404 } from './project-query.service.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import * as timelineStore from './timeline.store.ts';
import { completeMilestones } from './milestone.service.ts';
import { logEvent } from './timeline.service.ts';

export interface ProgressSnapshot {
  kickoffOn: string | null;
  /** Task key → resource id. */
  assignments?: Record<string, string>;
  /** Task key → the day it was done. */
  done?: Record<string, string>;
  /** Task key → when it started and what is left. */
  inProgress?: Record<string, { startedOn: string; remainingHours: number }>;
  /** Task key → since when and why. */
  blocked?: Record<string, { since: string; reason: string }>;
  /** Forecasts the project had, in order, each past the promise recorded as a slip with its reason. */
  slips?: Array<{
    recordedAt: string;
    fromForecast: string | null;
    toForecast: string;
    reasonCode: SlipReason | null;
    note?: string;
  }>;
  goLiveOn?: string;
  closedOn?: string;
  cancelled?: { on: string; reason: string };
}

export async function applyProgress(
  db: Db,
  actor: Actor,
  workspaceId: string,
  projectId: string,
  snap: ProgressSnapshot,
): Promise<void> {
  const project = await findProjectOr404(db, { workspaceId, partnerId: null }, projectId);
  const tasks = await taskStore.selectTasks(db, workspaceId, projectId);
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const known = (key: string) => {
    const t = byKey.get(key);
    if (!t) throw AppError.validation('progress', `no task "${key}" in the project`);
    return t;
  };
  for (const [key, resourceId] of Object.entries(snap.assignments ?? {}))
    await taskStore.updateTask(db, workspaceId, known(key).id, { assignee_id: resourceId });
  for (const [key, on] of Object.entries(snap.done ?? {})) {
    const t = known(key);
    // Task keys are the playbook's (`constructor` is a valid one): only the snapshot's own entries are done.
    const waiting = (JSON.parse(t.depends_on) as string[]).filter((d) => !(snap.done && Object.hasOwn(snap.done, d)));
    if (waiting.length) throw AppError.validation('progress', `"${key}" is done but waits for ${waiting.join(', ')}`);
    await taskStore.updateTask(db, workspaceId, t.id, {
      state: 'done',
      done_on: on,
      started_on: on,
      remaining_hours: 0,
    });
  }
  for (const [key, p] of Object.entries(snap.inProgress ?? {}))
    await taskStore.updateTask(db, workspaceId, known(key).id, {
      state: 'in_progress',
      started_on: p.startedOn,
      remaining_hours: p.remainingHours,
    });
  for (const [key, b] of Object.entries(snap.blocked ?? {}))
    await taskStore.updateTask(db, workspaceId, known(key).id, {
      state: 'blocked',
      blocked_since: b.since,
      blocked_reason: b.reason,
    });

  const status = snap.cancelled
    ? 'cancelled'
    : snap.closedOn
      ? 'closed'
      : snap.goLiveOn
        ? 'live'
        : snap.kickoffOn
          ? 'active'
          : 'queued';
  await store.updateProject(db, workspaceId, projectId, {
    status,
    kickoff_on: snap.kickoffOn,
    go_live_on: snap.goLiveOn ?? null,
    closed_on: snap.closedOn ?? snap.cancelled?.on ?? null,
    forecast_go_live: snap.goLiveOn ?? snap.slips?.at(-1)?.toForecast ?? null,
    version: project.version + 1,
  });
  if (snap.kickoffOn) await logEvent(db, workspaceId, projectId, actor, 'kickoff', null, { on: snap.kickoffOn });
  for (const s of snap.slips ?? []) {
    if (!project.promised_go_live) break;
    const days = Math.round((Date.parse(s.toForecast) - Date.parse(project.promised_go_live)) / 86_400_000);
    await timelineStore.insertSlip(db, {
      id: newId(),
      workspace_id: workspaceId,
      project_id: projectId,
      recorded_at: s.recordedAt,
      promised_go_live: project.promised_go_live,
      from_forecast: s.fromForecast,
      to_forecast: s.toForecast,
      days,
      reason_code: s.reasonCode,
      note: s.note ?? null,
      explained_by_label: s.reasonCode ? actor.label : null,
      explained_at: s.reasonCode ? s.recordedAt : null,
    });
  }
  await completeMilestones(
    db,
    actor,
    workspaceId,
    { ...project, first_value_on: null },
    snap.goLiveOn ?? snap.kickoffOn ?? project.accepted_on,
    false,
  );
  if (snap.goLiveOn) {
    const goLive = (await taskStore.selectMilestones(db, workspaceId, projectId)).find((m) => m.go_live === 1);
    if (goLive && !goLive.completed_on)
      await taskStore.updateMilestone(db, workspaceId, goLive.id, {
        completed_on: snap.goLiveOn,
        completed_by: 'manual',
        forecast_on: snap.goLiveOn,
      });
    await logEvent(db, workspaceId, projectId, actor, 'go_live', null, { on: snap.goLiveOn });
  }
  if (snap.cancelled)
    await logEvent(db, workspaceId, projectId, actor, 'cancel', null, {
      on: snap.cancelled.on,
      reason: snap.cancelled.reason,
    });
}
