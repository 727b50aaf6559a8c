/**
 * What people record about a project's go-live by hand: a slip they know of (a customer's delay the plan does not
 * show yet), the reason of a slip the forecast recorded, and a new promised date agreed with the customer (a
 * re-baseline), each with its reason and who agreed it. All land on the timeline and in the audit log; slips after
 * a new promise are measured against it.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { daysBetween, PLANNED_STATUSES, type ProjectStatus, type SlipReason, todayUtc } from './project.ts';
import { checkDates, datedRecordOf } from './project-dates.ts';
import { findProjectOr404, getProject } from './project-query.service.ts';
import * as store from './project.store.ts';
import * as timelineStore from './timeline.store.ts';
import type { ProjectDetail } from './project.views.ts';
import { logEvent } from './timeline.service.ts';

export interface Reason {
  code: SlipReason;
  note: string | null;
}

function checkPlanned(p: store.ProjectRow): void {
  if (!PLANNED_STATUSES.includes(p.status as ProjectStatus))
    throw new AppError('conflict', `the project is ${p.status}: its go-live is no longer planned`);
}

/** A slip recorded by hand: the go-live is expected on `expectedOn`, past the promise, for the reason given. */
export async function recordSlip(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  input: { expectedOn: string; reason: Reason },
  today = todayUtc(),
): Promise<ProjectDetail> {
  const p = await findProjectOr404(db, scope, projectId);
  checkPlanned(p);
  if (!p.promised_go_live)
    throw AppError.validation('body.expectedOn', 'the project has no promised go-live to slip past: agree one first');
  if (input.expectedOn <= p.promised_go_live)
    throw AppError.validation(
      'body.expectedOn',
      `is not past the promised go-live (${p.promised_go_live}): a slip moves the go-live later than promised`,
    );
  const start = p.kickoff_on ?? p.signed_on;
  if (start && input.expectedOn < start)
    throw AppError.validation('body.expectedOn', `is before the project began (${start})`);
  const id = newId();
  const now = nowIso();
  const days = daysBetween(p.promised_go_live, input.expectedOn);
  await timelineStore.insertSlip(db, {
    id,
    workspace_id: scope.workspaceId,
    project_id: projectId,
    recorded_at: now,
    promised_go_live: p.promised_go_live,
    from_forecast: p.forecast_go_live,
    to_forecast: input.expectedOn,
    days,
    reason_code: input.reason.code,
    note: input.reason.note,
    explained_by_label: actor.label,
    explained_at: now,
  });
  await store.bumpProject(db, scope.workspaceId, p, {});
  await logEvent(db, scope.workspaceId, projectId, actor, 'slipped', null, {
    slipId: id,
    days,
    from: p.forecast_go_live,
    to: input.expectedOn,
    promised: p.promised_go_live,
    reason: input.reason.code,
    note: input.reason.note,
    byHand: true,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.slip.record',
    entityType: 'project_slip',
    entityId: id,
    after: { projectId, expectedOn: input.expectedOn, days, reason: input.reason },
  });
  await recomputeForecasts(db, scope.workspaceId, { today, actor, touched: [projectId], datesChanged: [projectId] });
  return getProject(db, scope, projectId, today);
}

export async function explainSlip(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  slipId: string,
  reason: { code: SlipReason; note: string | null },
  today = todayUtc(),
): Promise<ProjectDetail> {
  await findProjectOr404(db, scope, projectId);
  const slip = (await timelineStore.selectSlips(db, scope.workspaceId, projectId)).find((s) => s.id === slipId);
  if (!slip) throw AppError.notFound('slip');
  await timelineStore.updateSlip(db, scope.workspaceId, slipId, {
    reason_code: reason.code,
    note: reason.note,
    explained_by_label: actor.label,
    explained_at: nowIso(),
  });
  await logEvent(db, scope.workspaceId, projectId, actor, 'slip_explained', null, {
    slipId,
    reason: reason.code,
    note: reason.note,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.slip.explain',
    entityType: 'project_slip',
    entityId: slipId,
    before: { reasonCode: slip.reason_code },
    after: reason,
  });
  return getProject(db, scope, projectId, today);
}

export interface NewPromise {
  promisedGoLive: string;
  reason: Reason;
  /** Who agreed the new date (the customer's sponsor, our leader). */
  agreedBy: string;
  /** The customer agreed it: a re-baseline, not a date we moved on our own. */
  customerAgreed: boolean;
}

/** A new promised go-live, agreed with its reason and by whom; slips from now on are measured against it. */
export async function agreePromise(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  input: NewPromise,
  today = todayUtc(),
): Promise<ProjectDetail> {
  const p = await findProjectOr404(db, scope, projectId);
  checkPlanned(p);
  if (input.promisedGoLive === p.promised_go_live)
    throw AppError.validation('body.promisedGoLive', `is already the promised go-live`);
  checkDates({ ...datedRecordOf(p), promisedGoLive: input.promisedGoLive }, ['promisedGoLive'], (f) => `body.${f}`);
  await store.bumpProject(db, scope.workspaceId, p, { promised_go_live: input.promisedGoLive });
  const detail = {
    from: p.promised_go_live,
    to: input.promisedGoLive,
    reason: input.reason.code,
    note: input.reason.note,
    agreedBy: input.agreedBy,
    customerAgreed: input.customerAgreed,
  };
  await logEvent(db, scope.workspaceId, projectId, actor, PROMISE_CHANGED, null, detail);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.promise.change',
    entityType: 'project',
    entityId: projectId,
    before: { promisedGoLive: p.promised_go_live },
    after: detail,
  });
  await recomputeForecasts(db, scope.workspaceId, { today, actor, touched: [projectId], datesChanged: [projectId] });
  return getProject(db, scope, projectId, today);
}

/** The timeline kind of an agreed new promise; the project's promise history reads these. */
export const PROMISE_CHANGED = 'promise_changed';
