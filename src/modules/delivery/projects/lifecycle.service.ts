/**
 * A project's lifecycle: kickoff → go-live → close, or cancel. Each move is dated (never in the future), lands on
 * the timeline and in the audit log, moves the account's lifecycle phase, re-forecasts the workspace and publishes
 * `delivery.project-kicked-off` or `delivery.project-went-live`.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { publish } from '../../../platform/events/domain-events.ts';
import { nowIso } from '../../../platform/ids.ts';
import { updateAccount } from '../../accounts/index.ts';
import { recomputeForecasts, recordSlipIfDue } from './forecast.service.ts';
import { nextStatus, type ProjectAction, type ProjectStatus, todayUtc } from './project.ts';
import { checkDates, datedRecordOf } from './project-dates.ts';
import { findProjectOr404, getProject } from './project-query.service.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import { logEvent } from './timeline.service.ts';
import * as timelineStore from './timeline.store.ts';
import type { ProjectDetail } from './project.views.ts';

export interface LifecycleInput {
  on?: string;
  /** Go-live: the checklist items confirmed, by text. */
  checklist?: string[];
  reason?: string;
}

/** Kickoff, go-live, close or cancel. Go-live needs the go-live milestone's tasks done and the checklist confirmed. */
export async function moveProject(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  action: ProjectAction,
  input: LifecycleInput,
  today = todayUtc(),
): Promise<ProjectDetail> {
  const before = await findProjectOr404(db, scope, id);
  const move = nextStatus(before.status as ProjectStatus, action);
  if (!move.ok) throw new AppError('conflict', move.reason);
  const on = input.on ?? today;
  if (on > today) throw AppError.validation('body.on', 'cannot be in the future');
  const set: Parameters<typeof store.updateProject>[3] = { status: move.to };
  if (action === 'kickoff') {
    checkDates({ ...datedRecordOf(before), kickoffOn: on }, ['kickoffOn'], () => 'body.on');
    set.kickoff_on = on;
  }
  if (action === 'go_live') {
    checkDates({ ...datedRecordOf(before), goLiveOn: on }, ['goLiveOn'], () => 'body.on');
    const detail = await getProject(db, scope, id, today);
    const goLive = detail.milestones.find((m) => m.goLive);
    const open = detail.tasks.filter((t) => t.milestoneKey === goLive?.key && t.state !== 'done');
    if (open.length > 0)
      throw new AppError(
        'conflict',
        `the go-live milestone still has open tasks: ${open.map((t) => t.name).join(', ')}`,
      );
    const confirmed = new Set(input.checklist ?? []);
    const missing = detail.goLiveChecklist.filter((c) => !confirmed.has(c));
    if (missing.length > 0) {
      throw new AppError('validation', 'confirm every go-live checklist item', {
        fieldErrors: missing.map((c) => ({ field: 'body.checklist', message: `not confirmed: ${c}` })),
      });
    }
    set.go_live_on = on;
    if (goLive && !goLive.completedOn)
      await taskStore.updateMilestone(db, scope.workspaceId, goLive.id, {
        completed_on: on,
        completed_by: 'manual',
        forecast_on: on,
      });
  }
  if (action === 'close') set.closed_on = on;
  if (action === 'cancel' && !input.reason?.trim())
    throw AppError.validation('body.reason', 'say why the project is cancelled');
  await store.bumpProject(db, scope.workspaceId, before, set);
  await logEvent(db, scope.workspaceId, id, actor, action, null, {
    on,
    reason: input.reason ?? null,
    checklist: input.checklist ?? null,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: `project.${action}`,
    entityType: 'project',
    entityId: id,
    before: { status: before.status },
    after: { status: move.to, on },
  });
  const phase = action === 'kickoff' ? 'implementing' : action === 'go_live' ? 'live' : null;
  if (phase)
    await updateAccount(db, actor, { workspaceId: scope.workspaceId, partnerId: null }, before.account_id, {
      lifecyclePhase: phase,
    });
  // A go-live past the promise is a slip too, unless the slips already recorded explain it.
  if (action === 'go_live')
    await recordSlipIfDue(
      db,
      scope.workspaceId,
      before,
      on,
      await timelineStore.selectSlips(db, scope.workspaceId, id),
      {
        actor,
        explainedBy: actor,
        now: nowIso(),
      },
    );
  await recomputeForecasts(db, scope.workspaceId, { today, actor, touched: [id], datesChanged: [id] });
  const moment = { workspaceId: scope.workspaceId, projectId: id, accountId: before.account_id, on, recordedOn: today };
  if (action === 'kickoff') await publish(db, 'delivery.project-kicked-off', moment);
  if (action === 'go_live') await publish(db, 'delivery.project-went-live', moment);
  return getProject(db, scope, id, today);
}
