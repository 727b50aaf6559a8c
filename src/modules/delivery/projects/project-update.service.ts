/** Changing a project's name, promise, planned kickoff, partner, lead or commercial terms (If-Match its ETag). */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { type CommercialModel, projectEtag, todayUtc } from './project.ts';
import { checkDates, datedRecordOf } from './project-dates.ts';
import { findProjectOr404, getProject } from './project-query.service.ts';
import * as store from './project.store.ts';
import { logEvent } from './timeline.service.ts';
import type { ProjectDetail } from './project.views.ts';

export interface ProjectPatch {
  name?: string;
  promisedGoLive?: string | null;
  plannedKickoffOn?: string | null;
  partnerId?: string | null;
  leadUserId?: string | null;
  commercialModel?: CommercialModel | null;
  servicesFee?: number | null;
}

export async function updateProject(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  patch: ProjectPatch,
  ifMatch: string | undefined,
  today = todayUtc(),
): Promise<ProjectDetail> {
  const before = await findProjectOr404(db, scope, id);
  if (ifMatch && ifMatch !== projectEtag(before))
    throw new AppError('precondition_failed', 'the project changed since it was read; reload it');
  if (
    scope.partnerId &&
    (patch.partnerId !== undefined || patch.commercialModel !== undefined || patch.servicesFee !== undefined)
  ) {
    throw new AppError('forbidden', 'partner users cannot change the partner or the commercial terms');
  }
  const dated = { ...datedRecordOf(before) };
  if (patch.promisedGoLive !== undefined) dated.promisedGoLive = patch.promisedGoLive;
  if (patch.plannedKickoffOn !== undefined) dated.plannedKickoffOn = patch.plannedKickoffOn;
  checkDates(
    dated,
    (['promisedGoLive', 'plannedKickoffOn'] as const).filter((f) => patch[f] !== undefined && patch[f] !== null),
    (f) => `body.${f}`,
  );
  const set: Parameters<typeof store.updateProject>[3] = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.promisedGoLive !== undefined) set.promised_go_live = patch.promisedGoLive;
  if (patch.plannedKickoffOn !== undefined) set.planned_kickoff_on = patch.plannedKickoffOn;
  if (patch.partnerId !== undefined) set.partner_id = patch.partnerId;
  if (patch.leadUserId !== undefined) set.lead_user_id = patch.leadUserId;
  if (patch.commercialModel !== undefined) set.commercial_model = patch.commercialModel;
  if (patch.servicesFee !== undefined) set.services_fee = patch.servicesFee;
  await store.bumpProject(db, scope.workspaceId, before, set);
  await logEvent(db, scope.workspaceId, id, actor, 'updated', null, { changes: patch });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.update',
    entityType: 'project',
    entityId: id,
    before: pick(before, Object.keys(set)),
    after: set,
  });
  const datesMoved = set.promised_go_live !== undefined || set.planned_kickoff_on !== undefined;
  await recomputeForecasts(db, scope.workspaceId, {
    today,
    actor,
    touched: [id],
    datesChanged: datesMoved ? [id] : [],
  });
  return getProject(db, scope, id, today);
}

const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
